package de.digitalstrategie.cockpit.rest;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.message.LocaleResolver;

import javax.inject.Inject;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The same error shape for what JAX-RS itself refuses (no such path 404, wrong method 405, not
 * JSON 415) and, without details, for defects (500, logged in full on the server).
 */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(FallbackExceptionMapper.class.getName());
    private final I18nResolver i18n;
    private final LocaleResolver locales;

    @Inject
    public FallbackExceptionMapper(I18nResolver i18n, LocaleResolver locales) {
        this.i18n = i18n;
        this.locales = locales;
    }

    @Override
    public Response toResponse(Throwable e) {
        int status;
        String key;
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            status = web.getResponse().getStatus();
            key = switch (status) {
                case 404 -> "cockpit.rest.error.no-such-resource";
                case 405 -> "cockpit.rest.error.method";
                case 415 -> "cockpit.rest.error.media-type";
                case 401, 403 -> "cockpit.access.error.sign-in";
                default -> "cockpit.rest.error.bad-request";
            };
        } else {
            LOG.log(Level.SEVERE, "REST request failed", e);
            status = 500;
            key = "cockpit.macro.error.internal";
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(RestJson.write(new ApiError(status, key, i18n.getText(locales.getLocale(), key)))).build();
    }
}
