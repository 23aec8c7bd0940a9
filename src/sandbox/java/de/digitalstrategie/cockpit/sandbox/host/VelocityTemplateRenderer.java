package de.digitalstrategie.cockpit.sandbox.host;

import com.atlassian.templaterenderer.RenderingException;
import com.atlassian.templaterenderer.TemplateRenderer;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.log.NullLogChute;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host's {@link TemplateRenderer}: Velocity 1.7, templates from the class path, as Confluence 9
 * renders a plugin's templates.
 *
 * <ul>
 *   <li><b>Velocity 1.x.</b> Confluence ships its own fork of Velocity 1.x: its allowlist classes
 *   extend {@code org.apache.velocity.util.introspection.SecureIntrospectorImpl} and take a
 *   {@code org.apache.velocity.runtime.log.Log}, an API Velocity 2 no longer has (Confluence 9.1
 *   javadoc of {@code com.atlassian.confluence.impl.velocity.ConfluenceAllowlistIntrospector}).</li>
 *   <li><b>The method allowlist</b> of Confluence 9: {@link AllowlistUberspector} with the plugin's
 *   {@code <velocity-allowlist>} entries ({@link VelocityAllowlist}). A blocked call throws.</li>
 *   <li><b>Anti-XSS.</b> Every reference it writes is HTML-escaped unless the reference ends in a name
 *   that ends in {@code Html} ({@code $bodyHtml}, {@code $view.titleHtml()}): Confluence encodes
 *   every inserted value of a plugin template "by default" since 4.0
 *   (developer.atlassian.com/server/confluence/enabling-xss-protection-in-plugins/) and treats values
 *   as safe by name ({@code HtmlSafeMethodNameAnnotator}: "marks certain methods as being HtmlSafe based
 *   on the method name"; {@code ConfluenceHtmlAnnotationEscaper} "also excludes some references from
 *   escaping based on name", Confluence 5.9–7.18 javadoc). So a template cannot forget to escape a
 *   user's value.</li>
 *   <li><b>Strict references</b> (stricter than Confluence, which prints an unknown {@code $name}
 *   as it stands): a misspelt reference or method fails the rendering.</li>
 *   <li><b>Templates parsed once</b>, as Confluence keeps them.</li>
 * </ul>
 */
public final class VelocityTemplateRenderer implements TemplateRenderer {
    private final VelocityEngine engine;
    private final boolean autoEscape;
    /** Template name → the context types its hints declare, read once. */
    private final Map<String, Map<String, Class<?>>> declaredTypes = new ConcurrentHashMap<>();

    public VelocityTemplateRenderer() {
        this(true);
    }

    /**
     * @param autoEscape whether to escape references not named ...Html, as Confluence's anti-XSS
     *                   mode does; tests switch it off to prove templates escape on their own
     */
    public VelocityTemplateRenderer(boolean autoEscape) {
        this(autoEscape, VelocityAllowlist.ofPlugin());
    }

    /** @param allowlist what templates may call; tests hand in other descriptors' lists */
    public VelocityTemplateRenderer(boolean autoEscape, VelocityAllowlist allowlist) {
        this.autoEscape = autoEscape;
        Properties p = new Properties();
        p.setProperty(RuntimeConstants.RESOURCE_LOADER, "class");
        p.setProperty("class.resource.loader.class", ClasspathResourceLoader.class.getName());
        // Parsed once and never checked for changes: Velocity's default re-reads a template (and each
        // one it #parses) on every render.
        p.setProperty("class.resource.loader.cache", "true");
        p.setProperty("class.resource.loader.modificationCheckInterval", "0");
        p.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        p.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
        p.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, AllowlistUberspector.class.getName());
        // Velocity 1.7 would otherwise look for a logging library or write velocity.log into the
        // working directory; what matters here fails the rendering instead.
        p.setProperty(RuntimeConstants.RUNTIME_LOG_LOGSYSTEM_CLASS, NullLogChute.class.getName());
        this.engine = new VelocityEngine();
        engine.setApplicationAttribute(AllowlistUberspector.ALLOWLIST, allowlist);
        engine.init(p);
    }

    @Override
    public void render(String templateName, Map<String, Object> context, Writer writer)
            throws RenderingException, IOException {
        checkDeclaredTypes(templateName, context);
        try {
            Template template = engine.getTemplate(templateName, "UTF-8");
            template.merge(escaping(context), writer);
        } catch (RuntimeException e) {
            throw new RenderingException("Cannot render " + templateName, e);
        }
    }

    @Override
    public String renderFragment(String fragment, Map<String, Object> context) {
        StringWriter out = new StringWriter();
        engine.evaluate(escaping(context), out, "fragment", fragment);
        return out.toString();
    }

    /**
     * Not something Confluence does: a template's {@code @vtlvariable} hints must name the classes it is
     * rendered with, because the allowlist test follows those types to every method the templates
     * call. An AssertionError, like {@link BlockedTemplateCall}, so no macro turns it into an error box.
     */
    private void checkDeclaredTypes(String templateName, Map<String, Object> context) {
        declaredTypes.computeIfAbsent(templateName, VelocityTemplateRenderer::readDeclaredTypes)
                .forEach((name, type) -> {
                    Object value = context.get(name);
                    if (value != null && value.getClass() != type) {
                        throw new AssertionError(templateName + " declares $" + name + " as " + type.getName()
                                + " but is rendered with " + value.getClass().getName());
                    }
                });
    }

    private static Map<String, Class<?>> readDeclaredTypes(String templateName) {
        try (InputStream in = VelocityTemplateRenderer.class.getClassLoader().getResourceAsStream(templateName)) {
            // A missing template: Velocity reports it, with its own message.
            return in == null ? Map.of()
                    : TemplateTypes.declared(new String(in.readAllBytes(), StandardCharsets.UTF_8), templateName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private VelocityContext escaping(Map<String, Object> values) {
        VelocityContext context = new VelocityContext(new HashMap<>(values));
        if (!autoEscape) {
            return context;
        }
        EventCartridge cartridge = new EventCartridge();
        cartridge.addEventHandler(new HtmlEscaping());
        cartridge.attachToContext(context);
        return context;
    }

    private static final class HtmlEscaping implements ReferenceInsertionEventHandler {
        /** The templates' references, each decided once: which of them hand out safe markup. */
        private static final Map<String, Boolean> MARKUP = new ConcurrentHashMap<>();

        @Override
        public Object referenceInsert(String reference, Object value) {
            if (value == null) {
                return null;
            }
            return MARKUP.computeIfAbsent(reference, HtmlEscaping::namesMarkup) ? value
                    : Html.escape(String.valueOf(value));
        }

        /**
         * Whether the reference's last name ends in {@code Html}: {@code $bodyHtml},
         * {@code $view.pager().nextUrlHtml()}, {@code $i18n.textHtml("key")}. Only the reference's own
         * chain counts, never a name inside its arguments: {@code $i18n.plain($view.titleHtml())} is text.
         */
        static boolean namesMarkup(String reference) {
            StringBuilder name = new StringBuilder();
            int depth = 0;
            char quote = 0;
            for (char c : reference.toCharArray()) {
                if (quote != 0) {
                    quote = c == quote ? 0 : quote;
                } else if (depth > 0) {
                    switch (c) {
                        case '"', '\'' -> quote = c;
                        case '(', '[' -> depth++;
                        case ')', ']' -> depth--;
                        default -> {
                            // inside an argument list
                        }
                    }
                } else if (c == '(' || c == '[') {
                    depth++;
                } else if (c == '.') {
                    name.setLength(0);
                } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-') {
                    name.append(c);
                }
            }
            return name.toString().endsWith("Html");
        }
    }
}
