package de.digitalstrategie.cockpit.web;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import de.digitalstrategie.cockpit.render.AdminPages;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A page of the plugin that shows a form and takes it itself (the settings pages, a person's own
 * switches): who may use it is asked before anything of the request is read, on a view as on a
 * post; a post then needs the host's XSRF token (403 with the reason), and the page answers it
 * with itself, showing what became of it.
 */
public abstract class FormPage extends HttpServlet {
    protected final transient AdminPages pages;
    private final transient Guard guard;
    private final transient FormTokens tokens;

    /** Who may use a page: the user it serves, or empty once the refusal is sent. */
    @FunctionalInterface
    public interface Guard {
        Optional<String> admit(HttpServletResponse response) throws IOException;

        /** Administrators only; anonymous visitors are refused the same way. */
        static Guard administrators(UserManager users, AdminPages pages) {
            return of(users, pages, users::isAdmin, HttpServletResponse.SC_FORBIDDEN, "cockpit.admin.error.admin-only");
        }

        /** Every signed-in user; anonymous visitors get a 403 saying they must sign in. */
        static Guard signedIn(UserManager users, AdminPages pages) {
            return of(users, pages, user -> true, HttpServletResponse.SC_FORBIDDEN, "cockpit.access.error.sign-in");
        }

        /**
         * The signed-in users {@code may} lets in; anyone else (anonymous visitors first) gets
         * {@code status} with the reason under {@code reasonKey}.
         */
        static Guard of(UserManager users, AdminPages pages, Predicate<UserKey> may, int status, String reasonKey) {
            return response -> {
                UserKey user = users.getRemoteUserKey();
                if (user == null || !may.test(user)) {
                    response.sendError(status, pages.texts().plain(reasonKey));
                    return Optional.empty();
                }
                return Optional.of(user.getStringValue());
            };
        }
    }

    protected FormPage(AdminPages pages, Guard guard, FormTokens tokens) {
        this.pages = pages;
        this.guard = guard;
        this.tokens = tokens;
    }

    @Override
    protected final void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> user = guard.admit(response);
        if (user.isPresent()) {
            show(request, response, user.get());
        }
    }

    @Override
    protected final void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> user = guard.admit(response);
        if (user.isEmpty()) {
            return;
        }
        if (!tokens.valid(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, pages.texts().plain("cockpit.admin.error.xsrf"));
            return;
        }
        take(request, response, user.get());
    }

    /** The page as it stands. */
    protected abstract void show(HttpServletRequest request, HttpServletResponse response, String user)
            throws IOException;

    /** The form, once the user and the token are checked: acted on, then answered with the page. */
    protected abstract void take(HttpServletRequest request, HttpServletResponse response, String user)
            throws IOException;

    /** The token field of the page's forms. */
    protected final FormTokens.Field token(HttpServletRequest request, HttpServletResponse response) {
        return tokens.field(request, response);
    }

    /** A value of the form, stripped and cut to {@code max} characters: "" when it is missing. */
    protected static String value(HttpServletRequest request, String name, int max) {
        String v = request.getParameter(name);
        if (v == null) {
            return "";
        }
        String s = v.strip();
        return s.length() > max ? s.substring(0, max) : s;
    }
}
