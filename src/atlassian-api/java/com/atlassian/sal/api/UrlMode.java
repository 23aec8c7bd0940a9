package com.atlassian.sal.api;

/** Stand-in for SAL's {@code com.atlassian.sal.api.UrlMode} (SAL API javadoc). Never packaged. */
public enum UrlMode {
    ABSOLUTE, RELATIVE, RELATIVE_CANONICAL, CANONICAL, AUTO
}
