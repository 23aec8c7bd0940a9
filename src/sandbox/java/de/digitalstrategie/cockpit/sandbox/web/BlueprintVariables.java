package de.digitalstrategie.cockpit.sandbox.web;

import de.digitalstrategie.cockpit.sandbox.host.Html;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a content template's variables as Confluence does when a page is made from a blueprint:
 * {@code <at:var at:name="x"/>} becomes the context's value as text (escaped), and with
 * {@code at:rawxhtml="true"} as storage-format markup, inserted as it is (developer.atlassian.com,
 * "Blueprint Template Context": {@code at:rawxhtml} and the representations "plain" and "storage").
 * A variable the context lacks becomes nothing.
 */
final class BlueprintVariables {
    private static final Pattern VARIABLE = Pattern.compile("<at:var\\s+([^>]*?)/>");
    private static final Pattern NAME = Pattern.compile("at:name=\"([^\"]*)\"");
    private static final Pattern RAW = Pattern.compile("at:rawxhtml=\"true\"");

    private BlueprintVariables() {
    }

    static String fill(String template, Map<String, Object> context) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Matcher name = NAME.matcher(m.group(1));
            Object value = name.find() ? context.get(name.group(1)) : null;
            String text = value == null ? "" : value.toString();
            m.appendReplacement(out, Matcher.quoteReplacement(RAW.matcher(m.group(1)).find() ? text : Html.escape(text)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
