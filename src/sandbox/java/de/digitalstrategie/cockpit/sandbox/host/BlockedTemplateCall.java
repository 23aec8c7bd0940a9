package de.digitalstrategie.cockpit.sandbox.host;

/**
 * A template asked for something Confluence 9's Velocity allowlist blocks. Confluence logs a warning
 * and renders nothing in its place, so nobody notices; the sandbox fails the rendering instead, so a
 * test does.
 *
 * <p>An {@link AssertionError}, not an exception: in Confluence the call simply yields nothing, so the
 * plugin's own handling of failures (a macro turns any RuntimeException into its error box) never
 * sees it. Here it must not be caught and shown as a polite error box either, or a test that does not
 * read the box would pass.
 */
public final class BlockedTemplateCall extends AssertionError {
    BlockedTemplateCall(String what, Class<?> target) {
        super("Confluence 9 blocks " + what + " on " + target.getName() + " (it logs \"Method needs allowlisting\" "
                + "and renders nothing). Allowlist a method of the plugin's own view classes in a "
                + "<velocity-allowlist> module of atlassian-plugin.xml, or hand the template a plain value instead.");
    }
}
