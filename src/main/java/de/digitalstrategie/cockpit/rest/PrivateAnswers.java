package de.digitalstrategie.cockpit.rest;

import com.atlassian.plugins.rest.api.security.annotation.AnonymousSiteAccess;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.ext.Provider;

/**
 * {@code Cache-Control: no-store} on every answer of the API for signed-in users, JSON, CSV and
 * XLSX, errors included: each is made for one caller, holding only what that caller may see (a
 * register without the confidential minutes for one user, with them for the next), so no shared
 * proxy and no browser disk cache may keep it and hand it on. Left to the host's caching are the
 * answers of resources open to anonymous visitors ({@link AnonymousSiteAccess}, the OParl
 * interface): the same for whoever asks.
 */
@Provider
public class PrivateAnswers implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!forAnyone(request)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    /** Whether the request reached a resource class open to anonymous visitors (or a subclass the host made of it). */
    private static boolean forAnyone(ContainerRequestContext request) {
        for (Object resource : request.getUriInfo().getMatchedResources()) {
            for (Class<?> type = resource.getClass(); type != null; type = type.getSuperclass()) {
                if (type.isAnnotationPresent(AnonymousSiteAccess.class)) {
                    return true;
                }
            }
        }
        return false;
    }
}
