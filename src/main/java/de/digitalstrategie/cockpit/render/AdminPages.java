package de.digitalstrategie.cockpit.render;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.message.LocaleResolver;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.templaterenderer.TemplateRenderer;

import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What every administration page of the plugin does the same way: only administrators, asked
 * before anything of the request is read; the viewer's texts; and the page sent as Confluence's
 * admin decorator ({@code atl.admin}, named in each template) expects it, with the plugin's styles
 * required through the host and nothing kept by caches (it shows settings and tokens' traces).
 */
public class AdminPages {
    private final UserManager users;
    private final TemplateRenderer templates;
    private final I18nResolver i18n;
    private final LocaleResolver locales;
    private final WebResources resources;

    public AdminPages(UserManager users, TemplateRenderer templates, I18nResolver i18n, LocaleResolver locales,
                      WebResources resources) {
        this.users = users;
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

    /** Anyone but an administrator gets a 403, anonymous visitors too; true when refused. */
    public boolean refused(HttpServletResponse response) throws IOException {
        UserKey user = users.getRemoteUserKey();
        if (user == null || !users.isAdmin(user)) {
            response.sendError(403, texts().plain("cockpit.admin.error.admin-only"));
            return true;
        }
        return false;
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
