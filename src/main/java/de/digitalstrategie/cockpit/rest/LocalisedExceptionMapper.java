package de.digitalstrategie.cockpit.rest;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.message.LocaleResolver;
import de.digitalstrategie.cockpit.message.AccessDeniedException;
import de.digitalstrategie.cockpit.message.LocalisedException;
import de.digitalstrategie.cockpit.message.MessageResolver;
import de.digitalstrategie.cockpit.message.NotFoundException;
import de.digitalstrategie.cockpit.message.UnavailableException;
import de.digitalstrategie.cockpit.workflow.IllegalTransitionException;

import javax.inject.Inject;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import javax.ws.rs.ext.Provider;

/**
 * Every refusal of the domain as an honest status with the stable error shape: 400 bad input,
 * 403 not allowed, 404 unknown (or not visible), 409 a status change the workflow refuses, 413 a
 * body longer than the API reads, 503 not ready yet (with {@code Retry-After}: when asking again
 * helps).
 */
@Provider
public class LocalisedExceptionMapper implements ExceptionMapper<LocalisedException> {
    private final I18nResolver i18n;
    private final LocaleResolver locales;

    @Inject
    public LocalisedExceptionMapper(I18nResolver i18n, LocaleResolver locales) {
        this.i18n = i18n;
        this.locales = locales;
    }

    @Override
    public Response toResponse(LocalisedException e) {
        int status = e instanceof NotFoundException ? 404
                : e instanceof AccessDeniedException ? 403
                : e instanceof IllegalTransitionException ? 409
                : e instanceof UnavailableException ? 503
                : e instanceof BodyTooLargeException ? 413
                : 400;
        String message = new MessageResolver(i18n::getText).resolve(e.userMessage(), locales.getLocale());
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(RestJson.write(new ApiError(status, e.userMessage().key(), message)));
        if (e instanceof UnavailableException unavailable) {
            // Seconds, the form of Retry-After every client reads (RFC 9110, 10.2.3).
            response.header("Retry-After", Math.max(1, unavailable.retryAfter().toSeconds()));
        }
        return response.build();
    }
}
