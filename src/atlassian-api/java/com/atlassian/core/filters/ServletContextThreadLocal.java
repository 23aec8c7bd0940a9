package com.atlassian.core.filters;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Stand-in for {@code com.atlassian.core.filters.ServletContextThreadLocal} (atlassian-core
 * javadoc): the HTTP request the current thread serves and its response, null outside a request
 * (set by atlassian-core's {@code ServletContextThreadLocalFilter}). Never packaged.
 */
public final class ServletContextThreadLocal {
    private static final ThreadLocal<HttpServletRequest> REQUEST = new ThreadLocal<>();
    private static final ThreadLocal<HttpServletResponse> RESPONSE = new ThreadLocal<>();

    private ServletContextThreadLocal() {
    }

    public static HttpServletRequest getRequest() {
        return REQUEST.get();
    }

    public static void setRequest(HttpServletRequest request) {
        REQUEST.set(request);
    }

    public static HttpServletResponse getResponse() {
        return RESPONSE.get();
    }

    public static void setResponse(HttpServletResponse response) {
        RESPONSE.set(response);
    }
}
