package com.atlassian.sal.api.message;

import java.util.Locale;

/**
 * Stand-in for SAL's {@code com.atlassian.sal.api.message.LocaleResolver} (SAL API javadoc): the
 * locale of the current request's user. Only what this plugin calls. Never packaged.
 */
public interface LocaleResolver {
    Locale getLocale();
}
