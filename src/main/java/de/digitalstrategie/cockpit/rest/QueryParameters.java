package de.digitalstrategie.cockpit.rest;

import de.digitalstrategie.cockpit.macro.MacroParameters;
import de.digitalstrategie.cockpit.message.ValidationException;

import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request's query parameters, typed the same way as a macro's (the same names and values work
 * in both); a parameter the endpoint does not know is refused rather than ignored.
 */
public final class QueryParameters {
    private QueryParameters() {
    }

    public static MacroParameters of(UriInfo uri, Set<String> known) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw ValidationException.of("cockpit.rest.error.unknown-parameter", e.getKey(),
                        String.join(", ", known.stream().sorted().toList()));
            }
            values.put(e.getKey(), String.join(",", e.getValue()));
        }
        return new MacroParameters(values);
    }
}
