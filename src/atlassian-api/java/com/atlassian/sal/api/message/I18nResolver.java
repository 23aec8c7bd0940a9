package com.atlassian.sal.api.message;

import java.io.Serializable;
import java.util.Locale;

/**
 * Stand-in for SAL's {@code com.atlassian.sal.api.message.I18nResolver} (SAL API javadoc, 3.x-6.x):
 * resolves the plugin's {@code <resource type="i18n">} keys. Only the methods this plugin calls.
 * Never packaged.
 */
public interface I18nResolver {

    String getText(String key, Serializable... arguments);

    String getText(Locale locale, String key, Serializable... arguments);

    String getText(String key);
}
