package de.digitalstrategie.cockpit.sandbox.host;

import com.atlassian.templaterenderer.RenderingException;
import com.atlassian.templaterenderer.TemplateRenderer;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;
import org.apache.velocity.runtime.RuntimeConstants;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Map;
import java.util.Properties;

/**
 * The host's {@link TemplateRenderer} on Apache Velocity, loading templates from the class path.
 * Like Confluence, it HTML-escapes every reference it writes unless the reference's name ends in
 * {@code Html} (the convention for values that are already safe markup), so a template cannot
 * forget to escape a user's value.
 */
public final class VelocityTemplateRenderer implements TemplateRenderer {
    private final VelocityEngine engine;
    private final boolean autoEscape;

    public VelocityTemplateRenderer() {
        this(true);
    }

    /**
     * @param autoEscape whether to escape references not named ...Html, as Confluence's anti-XSS
     *                   mode does; tests switch it off to prove templates escape on their own
     */
    public VelocityTemplateRenderer(boolean autoEscape) {
        this.autoEscape = autoEscape;
        Properties p = new Properties();
        p.setProperty(RuntimeConstants.RESOURCE_LOADERS, "classpath");
        p.setProperty("resource.loader.classpath.class",
                "org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader");
        // Parsed once, as Confluence's renderer keeps its templates: Velocity's default re-reads and
        // re-parses a template (and each one it #parses) on every render.
        p.setProperty("resource.loader.classpath.cache", "true");
        p.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        p.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
        p.setProperty(RuntimeConstants.SPACE_GOBBLING, "lines");
        this.engine = new VelocityEngine(p);
        engine.init();
    }

    @Override
    public void render(String templateName, Map<String, Object> context, Writer writer)
            throws RenderingException, IOException {
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

    private VelocityContext escaping(Map<String, Object> values) {
        VelocityContext context = new VelocityContext(new java.util.HashMap<>(values));
        if (!autoEscape) {
            return context;
        }
        EventCartridge cartridge = new EventCartridge();
        cartridge.addEventHandler(new HtmlEscaping());
        cartridge.attachToContext(context);
        return context;
    }

    private static final class HtmlEscaping implements ReferenceInsertionEventHandler {
        private static final java.util.regex.Pattern DECORATION = java.util.regex.Pattern.compile("[${}!]");

        @Override
        public Object referenceInsert(Context context, String reference, Object value) {
            if (value == null) {
                return null;
            }
            return MARKUP.computeIfAbsent(reference, HtmlEscaping::namesMarkup) ? value
                    : Html.escape(String.valueOf(value));
        }

        /** The templates' references, each decided once: which of them hand out safe markup. */
        private static final java.util.Map<String, Boolean> MARKUP = new java.util.concurrent.ConcurrentHashMap<>();

        private static boolean namesMarkup(String reference) {
            String name = DECORATION.matcher(reference).replaceAll("");
            // The method named last decides: $view.pager().nextUrlHtml() is safe markup.
            int call = name.lastIndexOf('(');
            String bare = call >= 0 ? name.substring(0, call) : name;
            return bare.endsWith("Html");
        }
    }
}
