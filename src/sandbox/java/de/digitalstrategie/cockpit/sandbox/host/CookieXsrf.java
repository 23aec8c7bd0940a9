package de.digitalstrategie.cockpit.sandbox.host;

import com.atlassian.sal.api.xsrf.XsrfTokenAccessor;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The host's XSRF protection as SAL offers it: a random token in a cookie that a form must send
 * back as a field (another site can make the browser send the cookie, but cannot read it).
 */
public final class CookieXsrf implements XsrfTokenAccessor, XsrfTokenValidator {
    static final String COOKIE = "atl.xsrf.token";
    private final SecureRandom random = new SecureRandom();

    @Override
    public String getXsrfToken(HttpServletRequest request, HttpServletResponse response, boolean create) {
        String existing = cookie(request);
        if (existing != null || !create) {
            return existing;
        }
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        Cookie cookie = new Cookie(COOKIE, token);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
        return token;
    }

    @Override
    public boolean validateFormEncodedToken(HttpServletRequest request) {
        String expected = cookie(request);
        String given = request.getParameter(getXsrfParameterName());
        return expected != null && given != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String getXsrfParameterName() {
        return "atl_token";
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? null : Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName()))
                .map(Cookie::getValue).findFirst().orElse(null);
    }
}
