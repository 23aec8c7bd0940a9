package de.digitalstrategie.cockpit.sandbox.confluence;

import com.atlassian.core.filters.ServletContextThreadLocal;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;

import javax.servlet.http.HttpServletRequest;
import java.net.URI;

/**
 * SAL's application properties as Confluence answers them (SAL API javadoc of {@code UrlMode}):
 * {@code CANONICAL} is the configured base URL; {@code ABSOLUTE} the base URL of the request the
 * thread serves, or the canonical one outside a request (a scheduled job); {@code RELATIVE} that
 * base URL's context path; {@code RELATIVE_CANONICAL} the canonical one's; {@code AUTO} relative
 * in a request and absolute outside one. The sandbox runs at the root, so its context path is "".
 */
public final class SandboxApplicationProperties implements ApplicationProperties {
    private volatile URI canonical;

    public SandboxApplicationProperties(String baseUrl) {
        baseUrl(baseUrl);
    }

    /** Sets the configured base URL (Confluence: General Configuration → Server Base URL). */
    public void baseUrl(String baseUrl) {
        this.canonical = URI.create(baseUrl.replaceAll("/+$", ""));
    }

    @Override
    public String getBaseUrl(UrlMode urlMode) {
        HttpServletRequest request = ServletContextThreadLocal.getRequest();
        return switch (urlMode) {
            case CANONICAL -> canonical.toString();
            case RELATIVE_CANONICAL -> path(canonical);
            case ABSOLUTE -> request == null ? canonical.toString() : requestBase(request);
            case RELATIVE -> request == null ? path(canonical) : request.getContextPath();
            case AUTO -> request == null ? canonical.toString() : request.getContextPath();
        };
    }

    private static String path(URI uri) {
        return uri.getRawPath() == null ? "" : uri.getRawPath();
    }

    private static String requestBase(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean standard = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName() + (standard ? "" : ":" + port) + request.getContextPath();
    }
}
