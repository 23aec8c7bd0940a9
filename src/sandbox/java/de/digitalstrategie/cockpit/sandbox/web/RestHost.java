package de.digitalstrategie.cockpit.sandbox.web;

import com.atlassian.plugins.rest.api.security.annotation.AnonymousSiteAccess;
import com.atlassian.plugins.rest.api.security.annotation.UnrestrictedAccess;
import com.atlassian.sal.api.user.UserManager;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.Provider;
import java.util.List;
import java.util.Set;

/**
 * The host side of the plugin's {@code <rest>} module, as Atlassian REST v2 (Platform 7) does it:
 * the resources under /rest/cockpit/1.0, unannotated ones for signed-in users only, and the XSRF
 * rule that a state-changing request with a form-like content type needs
 * {@code X-Atlassian-Token: no-check} (JSON cannot be sent cross-site without a preflight).
 */
public final class RestHost {
    public static final String PATH = "/rest/cockpit/1.0/*";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> FORM_LIKE = Set.of("application/x-www-form-urlencoded", "multipart/form-data",
            "text/plain");

    private RestHost() {
    }

    public static ServletContainer servlet(List<Object> resources, UserManager users) {
        ResourceConfig config = new ResourceConfig();
        resources.forEach(config::register);
        config.register(new WithoutHostParameters());
        config.register(new Authentication(users));
        config.register(new Xsrf());
        return new ServletContainer(config);
    }

    @Provider
    static final class Authentication implements ContainerRequestFilter {
        private final UserManager users;
        @Context
        private ResourceInfo resource;

        Authentication(UserManager users) {
            this.users = users;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            // The sandbox's site allows anonymous access, so both annotations let anonymous callers in.
            boolean anonymousAllowed = resource != null && resource.getResourceMethod() != null
                    && (annotated(AnonymousSiteAccess.class) || annotated(UnrestrictedAccess.class));
            if (!anonymousAllowed && users.getRemoteUserKey() == null) {
                request.abortWith(json(401, "{\"status\":401,\"error\":\"cockpit.access.error.sign-in\","
                        + "\"message\":\"Client must be authenticated to access this resource.\"}"));
            }
        }

        private boolean annotated(Class<? extends java.lang.annotation.Annotation> annotation) {
            return resource.getResourceMethod().isAnnotationPresent(annotation)
                    || resource.getResourceClass().isAnnotationPresent(annotation);
        }
    }

    /**
     * Drops the sandbox's own ?as= and ?lang= before matching: they choose the user and the
     * language here (Confluence has sessions for that) and are no parameters of the resource.
     */
    @Provider
    @javax.ws.rs.container.PreMatching
    static final class WithoutHostParameters implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            javax.ws.rs.core.UriBuilder uri = request.getUriInfo().getRequestUriBuilder();
            uri.replaceQueryParam("as").replaceQueryParam("lang");
            request.setRequestUri(request.getUriInfo().getBaseUri(), uri.build());
        }
    }

    @Provider
    @javax.ws.rs.container.PreMatching
    static final class Xsrf implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            if (SAFE.contains(request.getMethod())) {
                return;
            }
            MediaType type = request.getMediaType();
            String base = type == null ? "text/plain" : type.getType() + "/" + type.getSubtype();
            if (FORM_LIKE.contains(base) && !"no-check".equals(request.getHeaderString("X-Atlassian-Token"))) {
                request.abortWith(json(403, "{\"status\":403,\"error\":\"xsrf\",\"message\":\"XSRF check failed\"}"));
            }
        }
    }

    private static Response json(int status, String body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
