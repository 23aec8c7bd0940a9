package de.digitalstrategie.cockpit.render;

import de.digitalstrategie.cockpit.register.macro.ProjectLink;
import de.digitalstrategie.cockpit.register.macro.RecordMacro;
import de.digitalstrategie.cockpit.sandbox.host.BlockedTemplateCall;
import de.digitalstrategie.cockpit.sandbox.host.BundleI18nResolver;
import de.digitalstrategie.cockpit.sandbox.host.VelocityAllowlist;
import de.digitalstrategie.cockpit.sandbox.host.VelocityTemplateRenderer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Confluence 9's Velocity method allowlist: the plugin declares exactly what its templates call, and
 * the sandbox blocks everything else the way Confluence does (except that here it fails loudly). The
 * macro and page tests render every template through the same enforcing renderer.
 */
class VelocityAllowlistTest {
    private static final Path TEMPLATES = Path.of("src/main/resources");

    private final Texts texts = new Texts(new BundleI18nResolver(BundleI18nResolver.BUNDLE, Locale.GERMAN),
            Locale.GERMAN);

    @Test
    void theDescriptorAllowlistsExactlyWhatTheTemplatesCall() {
        TemplateCalls templates = TemplateCalls.of(TEMPLATES);
        Set<String> declared = VelocityAllowlist.ofPlugin().entries();
        Set<String> missing = new TreeSet<>(templates.calls().keySet());
        missing.removeAll(declared);
        Set<String> unused = new TreeSet<>(declared);
        unused.removeAll(templates.calls().keySet());
        StringBuilder entries = new StringBuilder();
        missing.forEach(e -> entries.append("\n        <method>").append(e).append("</method>   <!-- ")
                .append(templates.calls().get(e)).append(" -->"));
        assertTrue(missing.isEmpty(), "Templates call methods atlassian-plugin.xml does not allowlist:" + entries);
        assertTrue(unused.isEmpty(), "atlassian-plugin.xml allowlists methods no template calls: " + unused);
    }

    @Test
    void everyTemplateIsReadByTheAnalysis() {
        TemplateCalls templates = TemplateCalls.of(TEMPLATES);
        assertEquals(new TreeSet<>(templates.allTemplates()), templates.read(),
                "a template that is neither a root (with #* @vtlvariable name=\"view\" *#) nor #parsed by one");
        assertTrue(templates.read().contains("templates/admin/jira.vm"));
    }

    @Test
    void withoutTheAllowlistModuleConfluenceBlocksTheTemplates() throws IOException {
        String descriptor;
        try (InputStream in = VelocityAllowlistTest.class.getResourceAsStream(VelocityAllowlist.DESCRIPTOR)) {
            descriptor = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String without = descriptor.replaceAll("(?s)<velocity-allowlist\\b.*?</velocity-allowlist>", "");
        assertTrue(without.length() < descriptor.length(), "the descriptor declares a <velocity-allowlist>");
        VelocityAllowlist none = VelocityAllowlist.fromDescriptor(
                new ByteArrayInputStream(without.getBytes(StandardCharsets.UTF_8)));

        BlockedTemplateCall blocked = assertThrows(BlockedTemplateCall.class,
                () -> render(new VelocityTemplateRenderer(true, none), "templates/record.vm", decision()));
        assertTrue(blocked.getMessage().contains("RecordMacro$View#classHtml()"), blocked.getMessage());

        String html = render(new VelocityTemplateRenderer(), "templates/record.vm", decision());
        assertTrue(html.contains("LK-2026-07") && html.contains("Beschluss &lt;eins&gt;"), html);
    }

    @Test
    void aTemplateIsRenderedWithTheTypesItDeclares() {
        // The analysis above follows the declared types; the renderer keeps them honest.
        AssertionError e = assertThrows(AssertionError.class,
                () -> render(new VelocityTemplateRenderer(), "templates/record.vm", "not a view"));
        assertTrue(e.getMessage().contains("declares $view as " + RecordMacro.View.class.getName()), e.getMessage());
    }

    @Test
    void aMethodOutsideTheAllowlistFailsTheRendering() {
        VelocityTemplateRenderer renderer = new VelocityTemplateRenderer();
        Map<String, Object> context = new HashMap<>(Map.of("i18n", texts, "text", "abc",
                "view", decision(), "map", Map.of("key", "value")));
        // Allowlisted: renders.
        assertEquals("Digitalstrategie-Cockpit: Jira-Verbindung", renderer.renderFragment("$i18n.textHtml(\"cockpit.admin.title\")", context));
        // A public method of the plugin's own class that the descriptor does not list.
        assertBlocked(renderer, "$i18n.locale()", context, "render.Texts#locale()");
        // A JDK method: not on the list the sandbox assumes for the host (none).
        assertBlocked(renderer, "$text.length()", context, "java.lang.String#length()");
        assertBlocked(renderer, "$view.facts().isEmpty()", context, "#isEmpty()");
        // Property access is a getter call, checked like any other.
        assertBlocked(renderer, "$view.class", context, "java.lang.Object#getClass()");
        // What Velocity reaches around the introspector is refused outright.
        assertBlocked(renderer, "$map.key", context, "map lookup");
        assertBlocked(renderer, "#foreach($e in $map)#end", context, "#foreach");
    }

    @Test
    void theDescriptorMayNameOnlyThePluginsOwnExistingMethods() {
        assertRefused("java.lang.String#length()", "only its own classes");
        assertRefused("de.digitalstrategie.cockpit.render.Texts#nosuch()", "names no public method");
        assertRefused("de.digitalstrategie.cockpit.render.Texts#plain(java.lang.String,java.io.Serializable[])",
                "more than one parameter");
        assertRefused("de.digitalstrategie.cockpit.register.macro.RecordMacro.View#idHtml()", "names no class");
        assertRefused("de.digitalstrategie.cockpit.sandbox.host.Html#escape(java.lang.String)", "only its own classes");

        VelocityAllowlist disabled = VelocityAllowlist.fromDescriptor(descriptor(
                "<velocity-allowlist key='off' state='disabled'><method>"
                        + "de.digitalstrategie.cockpit.render.Texts#textHtml(java.lang.String)</method></velocity-allowlist>"));
        assertTrue(disabled.entries().isEmpty(), "a disabled module allows nothing");
    }

    @Test
    void referencesNamedHtmlAreWrittenAsTheyAreEverythingElseEscaped() {
        VelocityTemplateRenderer renderer = new VelocityTemplateRenderer();
        Map<String, Object> context = new HashMap<>(Map.of("bodyHtml", "<b>x</b>", "body", "<b>x</b>"));
        assertEquals("<b>x</b> &lt;b&gt;x&lt;/b&gt; &lt;b&gt;x&lt;/b&gt;",
                renderer.renderFragment("$bodyHtml $body $!{body}", context));
    }

    private void assertRefused(String entry, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VelocityAllowlist.fromDescriptor(
                descriptor("<velocity-allowlist key='k'><method>" + entry + "</method></velocity-allowlist>")));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    private static InputStream descriptor(String modules) {
        return new ByteArrayInputStream(("<atlassian-plugin key='p' name='p' plugins-version='2'>" + modules
                + "</atlassian-plugin>").getBytes(StandardCharsets.UTF_8));
    }

    private static void assertBlocked(VelocityTemplateRenderer renderer, String fragment, Map<String, Object> context,
                                      String what) {
        BlockedTemplateCall e = assertThrows(BlockedTemplateCall.class, () -> renderer.renderFragment(fragment, context),
                fragment);
        assertTrue(e.getMessage().contains(what), e.getMessage());
    }

    private static RecordMacro.View decision() {
        return new RecordMacro.View("cockpit-decision", "d1", "Beschluss", "LK-2026-07", "Beschluss &lt;eins&gt;",
                "Beschlossen", "aui-lozenge-success", "", "", true, "", "<p>Text</p>", List.of(
                new RecordMacro.Fact("Abstimmung", "7:0:1", List.of()),
                new RecordMacro.Fact("Projekte", "", List.of(new ProjectLink("DIGI-1", "/p/1")))));
    }

    private String render(VelocityTemplateRenderer renderer, String template, Object view) throws IOException {
        Map<String, Object> context = new HashMap<>();
        context.put("view", view);
        context.put("i18n", texts);
        context.put("interactive", true);
        StringWriter out = new StringWriter();
        renderer.render(template, context, out);
        return out.toString();
    }
}
