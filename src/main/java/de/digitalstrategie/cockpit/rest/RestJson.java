package de.digitalstrategie.cockpit.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.digitalstrategie.cockpit.message.ValidationException;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * JSON in and out with the plugin's own Jackson, so the API behaves the same whatever JSON
 * provider the host's REST module brings: unknown fields and wrong types are refused, dates are
 * ISO strings.
 */
public final class RestJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);

    static {
        // A number or a boolean where text is expected is a wrong type, not something to coerce.
        for (com.fasterxml.jackson.databind.cfg.CoercionInputShape shape : List.of(
                com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
                com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
                com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean)) {
            MAPPER.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Textual)
                    .setCoercion(shape, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
        }
    }

    private RestJson() {
    }

    public static Response ok(Object body) {
        return Response.ok(write(body), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
    }

    public static String write(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    /**
     * The most a request body may hold. Every body the API takes is a small object (a status and
     * a comment, an answer of at most {@link de.digitalstrategie.cockpit.message.Text#LONG}
     * characters, each of which JSON may spell as six bytes), so this leaves room for every valid
     * one and no more.
     */
    public static final int MAX_BODY_BYTES = 1 << 20;

    /**
     * Reads a request body; anything but the expected shape is the caller's error (400). Reads at
     * most {@link #MAX_BODY_BYTES} (and one byte more, to know there is more): a longer body is
     * refused (413) without reading the rest. Call it only once the caller may make the change:
     * until then the body stays unread.
     */
    public static <T> T read(InputStream body, Class<T> type) {
        byte[] bytes = bytes(body);
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            throw ValidationException.of("cockpit.rest.error.body-missing");
        }
        T value;
        try {
            value = MAPPER.readValue(bytes, type);
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            throw ValidationException.of("cockpit.rest.error.unknown-field", e.getPropertyName());
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? "" : String.valueOf(e.getPath().get(e.getPath().size() - 1)
                    .getFieldName());
            throw ValidationException.of("cockpit.rest.error.wrong-type", field);
        } catch (IOException e) {
            throw ValidationException.of("cockpit.rest.error.not-json");
        }
        // The JSON literal null is valid JSON but no object: Jackson gives null, which the
        // resources would dereference into a 500 instead of telling the caller what is missing.
        if (value == null) {
            throw ValidationException.of("cockpit.rest.error.body-missing");
        }
        return value;
    }

    /**
     * A request body's bytes, whatever their type (a file of values), bounded as {@link #read}
     * bounds JSON: at most {@link #MAX_BODY_BYTES}, a longer body refused (413) unread.
     */
    public static byte[] bytes(InputStream body) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw ValidationException.of("cockpit.rest.error.body-unreadable");
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new BodyTooLargeException(MAX_BODY_BYTES);
        }
        return bytes;
    }
}
