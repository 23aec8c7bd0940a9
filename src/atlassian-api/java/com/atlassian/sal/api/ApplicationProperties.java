package com.atlassian.sal.api;

/**
 * Stand-in for SAL's {@code com.atlassian.sal.api.ApplicationProperties} (SAL API javadoc): the
 * host's base URL. Only what this plugin calls. Never packaged.
 */
public interface ApplicationProperties {
    String getBaseUrl(UrlMode urlMode);
}
