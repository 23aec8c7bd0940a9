package de.digitalstrategie.cockpit.testing;

import de.digitalstrategie.cockpit.sandbox.web.SandboxServer;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A browser on the sandbox's server over real HTTP: it keeps its cookies as a browser does (who it
 * views as, the host's XSRF token), so a page's form is sent back the way a person sends it.
 */
public final class SandboxBrowser {
    private static final Pattern TOKEN = Pattern.compile("name=\"atl_token\" value=\"([0-9a-f]+)\"");
    private final SandboxServer server;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    public SandboxBrowser(SandboxServer server) {
        this.server = server;
    }

    /** A page viewed as {@code as} in {@code lang}. */
    public HttpResponse<String> get(String path, String as, String lang) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path
                + (path.contains("?") ? "&" : "?") + "lang=" + lang + "&as=" + as)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A form sent, as the viewer the browser last viewed as. */
    public HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The XSRF token the page's (first) form carries. */
    public static String token(String page) {
        Matcher m = TOKEN.matcher(page);
        assertTrue(m.find(), "no XSRF token on the page: " + page);
        return m.group(1);
    }

    /** A form's fields, name then value, in order. */
    public static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }
}
