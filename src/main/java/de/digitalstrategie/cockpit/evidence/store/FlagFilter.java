package de.digitalstrategie.cockpit.evidence.store;

import de.digitalstrategie.cockpit.evidence.Rule;
import de.digitalstrategie.cockpit.message.ValidationException;

import java.util.function.Predicate;

/**
 * What the flag list is narrowed to, on the page and in its CSV alike: one rule (its code) and one
 * field of action (its key), each "" for all. The list and its file are one list: the file must
 * hold exactly the rows the page shows under the same filter.
 */
public record FlagFilter(String rule, String field) implements Predicate<EvidenceFlags.Shown> {
    public FlagFilter {
        rule = rule == null ? "" : rule.strip();
        field = field == null ? "" : field.strip();
        if (!rule.isEmpty() && Rule.ofCode(rule).isEmpty()) {
            throw ValidationException.of("cockpit.evidence.error.rule", rule);
        }
    }

    @Override
    public boolean test(EvidenceFlags.Shown s) {
        return (rule.isEmpty() || s.flag().rule().code().equals(rule))
                && (field.isEmpty() || (s.project() != null && field.equals(s.project().fieldOfActionKey())));
    }
}
