package com.atlassian.sal.api.message;

import com.atlassian.sal.api.user.UserKey;

import java.util.Locale;

/**
 * Stand-in for SAL's {@code com.atlassian.sal.api.message.LocaleResolver} (SAL API javadoc): the
 * locale of the current request's user, and that of any user by key ({@code getLocale(UserKey)},
 * implemented by Confluence's {@code ConfluenceLocaleResolver}, 5.x to 7.x javadoc: the user's own
 * language setting, else the site's). Only what this plugin calls. Never packaged.
 */
public interface LocaleResolver {
    Locale getLocale();

    Locale getLocale(UserKey userKey);
}
