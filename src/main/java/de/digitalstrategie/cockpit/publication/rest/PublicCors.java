package de.digitalstrategie.cockpit.publication.rest;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.ext.Provider;

/**
 * CORS for the public profiles' reads: any site may read them from its scripts
 * ({@code Access-Control-Allow-Origin: *}, never with credentials: the answers are the same for
 * everyone, so no cookie is wanted), and read their validators ({@code ETag}; Last-Modified is
 * readable anyway). Every answer under {@code public/} gets it, errors included, as the OParl
 * interface does; a preflight is answered by the resource's {@code OPTIONS} methods.
 */
@Provider
public class PublicCors implements ContainerResponseFilter {
    static final String ALLOWED_METHODS = "GET, HEAD";
    /** What a script may send beyond the simple headers: its validators, for conditional requests. */
    static final String ALLOWED_HEADERS = "If-None-Match, If-Modified-Since";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path.equals("public") || path.startsWith("public/") || path.startsWith("/public/")
                || path.equals("/public")) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", "*");
            response.getHeaders().putSingle("Access-Control-Expose-Headers", "ETag");
        }
    }
}
