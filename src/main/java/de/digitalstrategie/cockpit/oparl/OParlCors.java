package de.digitalstrategie.cockpit.oparl;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.ext.Provider;

/**
 * OParl requires {@code Access-Control-Allow-Origin: *} on every JSON answer, errors included, so
 * that portals can read the data from scripts on their own sites. Only the OParl paths get it:
 * the rest of the API answers signed-in users and stays same-origin.
 */
@Provider
public class OParlCors implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (isOParl(request)) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", "*");
        }
    }

    static boolean isOParl(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.equals("oparl") || path.startsWith("oparl/") || path.startsWith("/oparl");
    }
}
