package de.digitalstrategie.cockpit.sandbox.host;

/**
 * HTML escaping for text and attribute values, as the host's template renderer applies it. The
 * host escapes exactly as the plugin's views do, so a page can be read for one escaping only.
 */
public final class Html {
    private Html() {
    }

    public static String escape(String text) {
        return de.digitalstrategie.cockpit.render.Html.text(text);
    }
}
