package de.digitalstrategie.cockpit.publication.rest;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Conditional GET and HEAD (RFC 9110 §13): a strong ETag made of the answer's bytes (so it differs
 * whenever anything in it differs, its language included) and, where the answer has a date,
 * Last-Modified. {@code If-None-Match} is evaluated first and, when present, alone (§13.2.2);
 * {@code If-Modified-Since} otherwise, at the second HTTP-dates have.
 */
final class Conditional {
    /** Caches may keep an answer but must ask again before each use: a withdrawn profile is gone at once. */
    static final String CACHE_CONTROL = "public, no-cache";
    private static final List<DateTimeFormatter> HTTP_DATES = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            // The two obsolete forms a recipient must still read (RFC 9110 §5.6.7).
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss zzz", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH));

    private Conditional() {
    }

    /**
     * The answer to a GET or HEAD: 304 if the caller's copy is current, else 200 with the body.
     *
     * @param lastModified when what the answer shows last changed; null if it has no such date
     * @param headers      more headers of the answer, on a 304 as on a 200
     */
    static Response answer(HttpHeaders request, byte[] body, String contentType, Instant lastModified,
                           Map<String, String> headers) {
        String etag = etag(body);
        Instant modified = lastModified == null ? null : lastModified.truncatedTo(ChronoUnit.SECONDS);
        Response.ResponseBuilder response = notModified(request, etag, modified)
                ? Response.notModified() : Response.ok(body, contentType);
        response.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .header("X-Content-Type-Options", "nosniff");
        if (modified != null) {
            response.header(HttpHeaders.LAST_MODIFIED, httpDate(modified));
        }
        headers.forEach(response::header);
        return response.build();
    }

    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String httpDate(Instant at) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
    }

    private static boolean notModified(HttpHeaders request, String etag, Instant modified) {
        List<String> ifNoneMatch = request.getRequestHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && !ifNoneMatch.isEmpty()) {
            return matches(String.join(",", ifNoneMatch), etag);
        }
        String since = request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE);
        if (since == null || modified == null) {
            return false;
        }
        Instant at = parse(since.strip());
        return at != null && !modified.isAfter(at);
    }

    /** If-None-Match compares weakly (RFC 9110 §13.1.2): a W/ prefix on either side does not matter. */
    private static boolean matches(String header, String etag) {
        if (header.strip().equals("*")) {
            return true;
        }
        for (String tag : header.split(",")) {
            String t = tag.strip();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /** An HTTP-date, or null for anything else (an invalid date is ignored, RFC 9110 §13.1.3). */
    static Instant parse(String value) {
        for (DateTimeFormatter format : HTTP_DATES) {
            try {
                if (format == HTTP_DATES.get(2)) {
                    return LocalDateTime.parse(value, format).toInstant(ZoneOffset.UTC);
                }
                ZonedDateTime parsed = ZonedDateTime.parse(value, format);
                return parsed.toInstant();
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
