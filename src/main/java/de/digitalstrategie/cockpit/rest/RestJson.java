package de.digitalstrategie.cockpit.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.digitalstrategie.cockpit.message.ValidationException;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
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

    /** Reads a request body; anything but the expected shape is the caller's error (400). */
    public static <T> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw ValidationException.of("cockpit.rest.error.body-missing");
        }
        if (json.length() > 200_000) {
            throw ValidationException.of("cockpit.rest.error.body-too-large", 200_000);
        }
        T value;
        try {
            value = MAPPER.readValue(json, type);
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            throw ValidationException.of("cockpit.rest.error.unknown-field", e.getPropertyName());
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            String field = e.getPath().isEmpty() ? "" : String.valueOf(e.getPath().get(e.getPath().size() - 1)
                    .getFieldName());
            throw ValidationException.of("cockpit.rest.error.wrong-type", field);
        } catch (JsonProcessingException e) {
            throw ValidationException.of("cockpit.rest.error.not-json");
        }
        // The JSON literal null is valid JSON but no object: Jackson gives null, which the
        // resources would dereference into a 500 instead of telling the caller what is missing.
        if (value == null) {
            throw ValidationException.of("cockpit.rest.error.body-missing");
        }
        return value;
    }
}
