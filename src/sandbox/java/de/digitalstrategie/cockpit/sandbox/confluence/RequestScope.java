package de.digitalstrategie.cockpit.sandbox.confluence;

import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.UrlMode;
import com.atlassian.sal.api.message.LocaleResolver;
import de.digitalstrategie.cockpit.render.RequestParameters;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What Confluence knows about the request a thread serves, for the host services that ask: the
 * viewer's locale, the query parameters, the base URL (the sandbox runs at the root).
 */
public final class RequestScope implements LocaleResolver, RequestParameters, ApplicationProperties {
    private final ThreadLocal<Locale> locale = ThreadLocal.withInitial(() -> Locale.GERMAN);
    private final ThreadLocal<Map<String, List<String>>> parameters = ThreadLocal.withInitial(Map::of);

    public void enter(Locale requestLocale, Map<String, List<String>> requestParameters) {
        locale.set(requestLocale);
        parameters.set(Map.copyOf(requestParameters));
    }

    public void leave() {
        locale.remove();
        parameters.remove();
    }

    @Override
    public Locale getLocale() {
        return locale.get();
    }

    @Override
    public Map<String, List<String>> all() {
        return parameters.get();
    }

    @Override
    public String getBaseUrl(UrlMode urlMode) {
        return "";
    }
}
