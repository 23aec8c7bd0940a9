package com.atlassian.core.filters;

import javax.servlet.http.HttpServletRequest;

/**
 * Stand-in for {@code com.atlassian.core.filters.ServletContextThreadLocal} (atlassian-core
 * javadoc): the HTTP request the current thread serves, null outside a request. Never packaged.
 */
public final class ServletContextThreadLocal {
    private static final ThreadLocal<HttpServletRequest> REQUEST = new ThreadLocal<>();

    private ServletContextThreadLocal() {
    }

    public static HttpServletRequest getRequest() {
        return REQUEST.get();
    }

    public static void setRequest(HttpServletRequest request) {
        REQUEST.set(request);
    }
}
