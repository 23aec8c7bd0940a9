package com.atlassian.sal.api.xsrf;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Stand-in for SAL's {@code com.atlassian.sal.api.xsrf.XsrfTokenAccessor} (SAL API javadoc): the
 * XSRF token a form must send back. Never packaged.
 */
public interface XsrfTokenAccessor {
    String getXsrfToken(HttpServletRequest request, HttpServletResponse response, boolean create);
}
