package de.digitalstrategie.cockpit.web;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The servlet that takes a form a macro renders on a page, in the order every such form is
 * checked: signed in (403), then who asks against what the address names, before a byte of the
 * form is read ({@link #admit}: 404 for what the sender may not see, as if it did not exist; 403
 * for what they may not change), then the host's XSRF token (403), then the form itself
 * ({@link #take}), which answers with the way back to the page the form was on, carrying the
 * notice the form shows, or with a status where there is no page to go back to.
 *
 * @param <T> what the address names and the form changes
 */
public abstract class FormPost<T> extends HttpServlet {
    /** An anchor the browser is sent back to: a plain id, nothing that could leave the page. */
    private static final Pattern ANCHOR = Pattern.compile("[A-Za-z0-9_.-]{1,120}");
    private final transient UserManager users;
    private final transient FormTokens tokens;

    protected FormPost(UserManager users, FormTokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    /** What the check before the form found: the target, or the status refusing the request. */
    public record Admission<T>(T target, int refusal) {
        public static <T> Admission<T> of(T target) {
            return new Admission<>(target, 0);
        }

        /** What the sender may not see, answered like what does not exist. */
        public static <T> Admission<T> notFound() {
            return new Admission<>(null, HttpServletResponse.SC_NOT_FOUND);
        }

        public static <T> Admission<T> forbidden() {
            return new Admission<>(null, HttpServletResponse.SC_FORBIDDEN);
        }
    }

    /**
     * The answer to a form: back to its page ({@code 303} with the address), or a status (with a
     * reason for the sender where there is one).
     */
    public record Answer(int status, String location, String reason) {
        public static Answer status(int status) {
            return new Answer(status, null, null);
        }

        public static Answer refused(int status, String reason) {
            return new Answer(status, null, reason);
        }

        void send(HttpServletResponse response) throws IOException {
            if (location != null) {
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", location);
            } else if (status >= 400 && reason != null) {
                response.sendError(status, reason);
            } else if (status >= 400) {
                response.sendError(status);
            } else {
                response.setStatus(status);
            }
        }
    }

    /**
     * The way back to the page a form was on, built from what the plugin knows (the page's own
     * address) and plain values only: the form names no address to go to.
     */
    public static final class Back {
        private final StringBuilder query;
        private String anchor = "";

        /** @param page the page's address, with its query */
        public Back(String page) {
            this.query = new StringBuilder(page);
        }

        /** A part of the page's query the caller has checked is one (a macro's own selection). */
        public Back query(String checked) {
            query.append('&').append(checked);
            return this;
        }

        /** A parameter of the notice the form shows after the redirect. */
        public Back notice(String name, String value) {
            query.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            return this;
        }

        /** The element the browser returns to; dropped where it is no plain id. */
        public Back anchor(String id) {
            anchor = id != null && ANCHOR.matcher(id).matches() ? "#" + id : "";
            return this;
        }

        public Answer answer() {
            return new Answer(HttpServletResponse.SC_SEE_OTHER, query + anchor, null);
        }
    }

    @Override
    protected final void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UserKey actor = users.getRemoteUserKey();
        if (actor == null) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Admission<T> admitted = admit(request, actor.getStringValue());
        if (admitted.refusal() != 0) {
            response.sendError(admitted.refusal());
            return;
        }
        if (!tokens.valid(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        take(request, actor.getStringValue(), admitted.target()).send(response);
    }

    /**
     * Who asks against what the address names, before the form is read: only
     * {@link #fromAddress} may be asked of the request here.
     */
    protected abstract Admission<T> admit(HttpServletRequest request, String actor);

    /** The form, read and acted on once the sender and the token are checked. */
    protected abstract Answer take(HttpServletRequest request, String actor, T target);

    /** One parameter of the address, read without touching the request's body. */
    protected static String fromAddress(HttpServletRequest request, String name) {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                try {
                    return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    // A broken escape names nothing: answered like a name that is not there.
                    return null;
                }
            }
        }
        return null;
    }

    /** The page the form was on, 0 for none. */
    protected static long pageId(HttpServletRequest request) {
        return number(request.getParameter("pageId"));
    }

    /** A positive id as a form or an address gives it, 0 for anything else. */
    protected static long number(String value) {
        return value != null && value.matches("[1-9][0-9]{0,17}") ? Long.parseLong(value) : 0;
    }
}
