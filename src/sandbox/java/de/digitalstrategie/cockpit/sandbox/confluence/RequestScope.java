package de.digitalstrategie.cockpit.sandbox.confluence;

import com.atlassian.core.filters.ServletContextThreadLocal;
import com.atlassian.sal.api.message.LocaleResolver;
import com.atlassian.sal.api.user.UserKey;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request a thread serves, bound the way Confluence's filters bind it before any plugin code
 * runs: the request and its response in {@link ServletContextThreadLocal} (atlassian-core's
 * filter), which the plugin reads its query parameters and answers its form tokens through, and the viewer's locale, which SAL's
 * {@link LocaleResolver} answers.
 */
public final class RequestScope implements LocaleResolver {
    private final ThreadLocal<Locale> locale = ThreadLocal.withInitial(() -> Locale.GERMAN);
    /** Each user's language as set in their profile; the site's (German) for everyone else. */
    private final Map<String, Locale> userLocales = new ConcurrentHashMap<>();

    /** Sets a user's language, as the user does in Confluence's profile settings. */
    public void setUserLocale(String userKey, Locale userLocale) {
        userLocales.put(userKey, userLocale);
    }

    /** Binds a request of the sandbox's web server and its response. */
    public void enter(Locale requestLocale, HttpServletRequest request, HttpServletResponse response) {
        locale.set(requestLocale);
        ServletContextThreadLocal.setRequest(request);
        ServletContextThreadLocal.setResponse(response);
    }

    /**
     * Binds a page view that does not come over HTTP (a test rendering a page): a GET request at
     * the root with these query parameters.
     */
    public void enter(Locale requestLocale, Map<String, List<String>> query) {
        // No response: nothing of the page view goes back to a browser (no cookie, no form token).
        enter(requestLocale, pageView(requestLocale, query), null);
    }

    public void leave() {
        ServletContextThreadLocal.setRequest(null);
        ServletContextThreadLocal.setResponse(null);
        locale.remove();
    }

    @Override
    public Locale getLocale() {
        return locale.get();
    }

    @Override
    public Locale getLocale(UserKey userKey) {
        return userKey == null ? Locale.GERMAN : userLocales.getOrDefault(userKey.getStringValue(), Locale.GERMAN);
    }

    /**
     * A request that answers what a page view's request says about its query, method, locale and
     * context path, and fails on anything else: code that starts reading more of the request has
     * to be tested through the sandbox's web server, not a request made up here.
     */
    private static HttpServletRequest pageView(Locale requestLocale, Map<String, List<String>> query) {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        query.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
        Map<String, String[]> view = Collections.unmodifiableMap(parameters);
        return (HttpServletRequest) Proxy.newProxyInstance(HttpServletRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getParameterMap" -> view;
                    case "getParameter" -> view.containsKey((String) args[0]) && view.get(args[0]).length > 0
                            ? view.get(args[0])[0] : null;
                    case "getParameterValues" -> view.containsKey((String) args[0]) ? view.get(args[0]).clone() : null;
                    case "getParameterNames" -> Collections.enumeration(view.keySet());
                    case "getContextPath" -> "";
                    case "getMethod" -> "GET";
                    case "getLocale" -> requestLocale;
                    case "toString" -> "page view " + query;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException("HttpServletRequest." + method.getName()
                            + " outside the sandbox's web server: test this through an HTTP request");
                });
    }
}
