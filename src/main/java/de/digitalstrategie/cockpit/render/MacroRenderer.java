package de.digitalstrategie.cockpit.render;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.message.LocaleResolver;
import com.atlassian.templaterenderer.TemplateRenderer;
import de.digitalstrategie.cockpit.message.Message;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What every macro of the plugin needs to turn a view into markup: the viewer's texts and
 * formats, the request's parameters, the template renderer, and the error box.
 */
public class MacroRenderer {
    /** Output types in which a person looks at the page in a browser; all others are exports. */
    private static final Set<String> INTERACTIVE = Set.of("display", "preview");

    private final TemplateRenderer templates;
    private final I18nResolver i18n;
    private final LocaleResolver locales;
    private final RequestParameters request;
    private final Clock clock;
    private final WebResources resources;

    public MacroRenderer(TemplateRenderer templates, I18nResolver i18n, LocaleResolver locales,
                         RequestParameters request, Clock clock, WebResources resources) {
        this.templates = templates;
        this.i18n = i18n;
        this.locales = locales;
        this.request = request;
        this.clock = clock;
        this.resources = resources;
    }

    /**
     * The viewer's texts and formats. The same for every macro of one rendering of a page (one
     * viewer, one language), so the macros share them: their formatters are built once and each
     * label is looked up once per page rather than once per macro.
     */
    public record Viewer(Texts texts, Formats formats) {
    }

    /** The viewer's texts and formats, new: for one rendering. */
    public Viewer viewer() {
        Locale locale = locales.getLocale();
        return new Viewer(new Texts(i18n, locale), new Formats(locale));
    }

    /** The viewer and the request, as a macro sees them while it renders. */
    public MacroRequest request(ConversionContext context, String instanceKey) {
        return request(context, instanceKey, viewer());
    }

    /** The viewer and the request, with the viewer's texts and formats of this rendering. */
    public MacroRequest request(ConversionContext context, String instanceKey, Viewer viewer) {
        String outputType = context == null || context.getOutputType() == null ? "display" : context.getOutputType();
        com.atlassian.confluence.core.ContentEntityObject content = context == null ? null : context.getEntity();
        long pageId = content != null ? content.getId() : 0;
        return new MacroRequest(viewer.texts(), viewer.formats(), INTERACTIVE.contains(outputType), instanceKey,
                request.all(), pageId, LocalDate.now(clock), request.contextPath(), content);
    }

    public String render(String template, MacroRequest request, Object view) {
        resources.requireStyles();
        Map<String, Object> context = new HashMap<>();
        context.put("view", view);
        context.put("i18n", request.texts());
        context.put("interactive", request.interactive());
        StringWriter out = new StringWriter();
        try {
            templates.render(template, context, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * A localised notice in place of the macro, for what is not ready yet and will be on a reload:
     * a status the screen reader announces politely, not an error.
     */
    public String notice(MacroRequest request, Message message) {
        resources.requireStyles();
        return "<div class=\"aui-message aui-message-warning cockpit-notice\" role=\"status\"><p>"
                + request.texts().html(message) + "</p></div>";
    }

    /** A localised error box in place of the macro, never a stack trace. */
    public String error(MacroRequest request, Message message) {
        resources.requireStyles();
        return "<div class=\"aui-message aui-message-error cockpit-error\" role=\"alert\"><p class=\"title\"><strong>"
                + request.texts().textHtml("cockpit.macro.error.title") + "</strong></p><p>"
                + request.texts().html(message) + "</p></div>";
    }
}
