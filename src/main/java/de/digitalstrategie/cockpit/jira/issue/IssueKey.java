package de.digitalstrategie.cockpit.jira.issue;

import de.digitalstrategie.cockpit.message.ValidationException;

import java.util.regex.Pattern;

/** Checks Jira issue keys ("DIGI-42"), the identity of every project. */
public final class IssueKey {
    private static final Pattern PATTERN = Pattern.compile("[A-Z][A-Z0-9_]{0,29}-[1-9][0-9]{0,9}");

    private IssueKey() {
    }

    public static boolean isValid(String key) {
        return key != null && PATTERN.matcher(key).matches();
    }

    /** The Jira project part of a valid key ("DIGI-42" → "DIGI"). */
    public static String projectOf(String key) {
        return require(key).substring(0, key.lastIndexOf('-'));
    }

    /** @return the key; refuses anything that is not a Jira issue key */
    public static String require(String key) {
        if (!isValid(key)) {
            throw ValidationException.of("cockpit.project.error.bad-key", String.valueOf(key));
        }
        return key;
    }
}
