package de.digitalstrategie.cockpit.web;

import com.atlassian.core.filters.ServletContextThreadLocal;
import com.atlassian.sal.api.xsrf.XsrfTokenAccessor;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;
import de.digitalstrategie.cockpit.render.Html;
import de.digitalstrategie.cockpit.render.MacroRequest;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * The host's XSRF token as the plugin's forms carry it, and its check when a form comes back.
 *
 * <p>One token per answer: asked without its cookie, the host makes a new token and sets a cookie
 * with it on every ask, and a browser keeps only the last, so a page whose forms each asked for
 * one would carry tokens that no longer match (and pile up {@code Set-Cookie} headers). The first
 * token of a request is therefore kept in the request and every later form of the same answer
 * carries it, whichever macro, whichever rendering of the answer (an included page is rendered in
 * a context of its own, but the cookie belongs to the response). It is asked for only once a form
 * needs it, so a page without forms sets no cookie.
 */
public class FormTokens {
    /** The request attribute the answer's token is kept in. */
    static final String ATTRIBUTE = FormTokens.class.getName() + ".token";
    private final XsrfTokenAccessor tokens;
    private final XsrfTokenValidator xsrf;

    /** The hidden field a form sends the token back in, escaped for an attribute. */
    public record Field(String nameHtml, String valueHtml) {
    }

    public FormTokens(XsrfTokenAccessor tokens, XsrfTokenValidator xsrf) {
        this.tokens = tokens;
        this.xsrf = xsrf;
    }

    /** The field for a form on the answer to this request. */
    public Field field(HttpServletRequest request, HttpServletResponse response) {
        return new Field(Html.text(xsrf.getXsrfParameterName()), Html.text(token(request, response)));
    }

    /**
     * The field for a form a macro renders, or empty where no form can be sent back from: an export,
     * a rendering outside a browser's request.
     */
    public Optional<Field> field(MacroRequest request) {
        return sendable(request) ? Optional.of(field(ServletContextThreadLocal.getRequest(),
                ServletContextThreadLocal.getResponse())) : Optional.empty();
    }

    /** Whether a form this macro renders can be sent back: a person views the page, in a browser's request. */
    public boolean sendable(MacroRequest request) {
        return request.interactive() && ServletContextThreadLocal.getRequest() != null
                && ServletContextThreadLocal.getResponse() != null;
    }

    /** Whether the form sent with this request carries the host's token. */
    public boolean valid(HttpServletRequest request) {
        return xsrf.validateFormEncodedToken(request);
    }

    private String token(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(ATTRIBUTE) instanceof String known) {
            return known;
        }
        String token = tokens.getXsrfToken(request, response, true);
        request.setAttribute(ATTRIBUTE, token);
        return token;
    }
}
