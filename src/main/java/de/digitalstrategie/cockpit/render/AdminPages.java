package de.digitalstrategie.cockpit.render;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.message.LocaleResolver;
import com.atlassian.templaterenderer.TemplateRenderer;

import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What every page of the plugin's own (the administration pages, a person's settings, the report)
 * does the same way: the viewer's texts, and the page sent as Confluence's decorator (named in each
 * template) expects it, with the plugin's styles required through the host and nothing kept by
 * caches (it shows settings and tokens' traces). Who may see a page is its servlet's to ask
 * ({@code web.FormPage.Guard}).
 */
public class AdminPages {
    private final TemplateRenderer templates;
    private final I18nResolver i18n;
    private final LocaleResolver locales;
    private final WebResources resources;

    public AdminPages(TemplateRenderer templates, I18nResolver i18n, LocaleResolver locales,
                      WebResources resources) {
        this.templates = templates;
        this.i18n = i18n;
        this.locales = locales;
        this.resources = resources;
    }

    public Locale locale() {
        return locales.getLocale();
    }

    public Texts texts() {
        return new Texts(i18n, locales.getLocale());
    }

    /** Renders the page's template with its view and texts and sends it. */
    public void send(HttpServletResponse response, String template, Object view, Texts texts) throws IOException {
        Map<String, Object> context = new HashMap<>();
        context.put("view", view);
        context.put("i18n", texts);
        StringWriter html = new StringWriter();
        resources.requireStyles();
        templates.render(template, context, html);
        byte[] bytes = html.toString().getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/html; charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
