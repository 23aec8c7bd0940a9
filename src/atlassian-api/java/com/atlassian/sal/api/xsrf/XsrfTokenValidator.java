package com.atlassian.sal.api.xsrf;

import javax.servlet.http.HttpServletRequest;

/**
 * Stand-in for SAL's {@code com.atlassian.sal.api.xsrf.XsrfTokenValidator} (SAL API javadoc):
 * checks the token of a form post. Never packaged.
 */
public interface XsrfTokenValidator {
    boolean validateFormEncodedToken(HttpServletRequest request);

    String getXsrfParameterName();
}
