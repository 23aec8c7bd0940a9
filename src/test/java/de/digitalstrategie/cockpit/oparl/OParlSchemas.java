package de.digitalstrategie.cockpit.oparl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The official OParl 1.1 schemas (src/test/resources/oparl-1.1/schema, copied unchanged from OParl/spec with its licence), read-only, as a validator. The files
 * declare no {@code $schema}; OParl 1.1 writes them in JSON Schema draft-04, so they are read as
 * draft-04. OParl's own annotations ("references", "backreference", "cardinality", "schema") are
 * known to the validator as keywords that validate nothing; "schema" is then honoured here: an
 * embedded object is validated against the file it names. The format "url" (not a JSON Schema
 * format) is checked as an absolute http(s) URL. Beyond the schema, an object may only carry
 * properties its schema declares (the schemas allow any, which would let a misspelt name through),
 * and vendor-specific ones under a prefix, as OParl 1.1 allows them ("Herstellerspezifische
 * Erweiterungen": {@code prefix:name}, no "@" in the prefix).
 */
final class OParlSchemas {
    static final Path DIR = Path.of("src/test/resources/oparl-1.1/schema");
    static final String TYPE_PREFIX = "https://schema.oparl.org/1.1/";
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, JsonNode> raw = new HashMap<>();
    private final Map<String, JsonSchema> compiled = new HashMap<>();

    OParlSchemas() {
        JsonMetaSchema meta = JsonMetaSchema.builder("https://schema.oparl.org/1.1/draft-04", JsonMetaSchema.getV4())
                .keywords(List.of(new NonValidationKeyword("references"), new NonValidationKeyword("backreference"),
                        new NonValidationKeyword("cardinality"), new NonValidationKeyword("schema")))
                .format(new UrlFormat())
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                b -> b.metaSchema(meta).defaultMetaSchemaIri(meta.getIri()));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (var files = Files.list(DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode node = json.readTree(file.toFile());
                if (node.has("$schema")) {
                    throw new IllegalStateException(file + " declares " + node.get("$schema")
                            + "; the validator is set up for draft-04 only");
                }
                raw.put(file.getFileName().toString(), node);
                compiled.put(file.getFileName().toString(), factory.getSchema(node, config));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (compiled.size() < 12) {
            throw new IllegalStateException("OParl schemas missing in " + DIR.toAbsolutePath() + ": "
                    + compiled.keySet());
        }
    }

    /** The schema file of an object, by its "type" URL (https://schema.oparl.org/1.1/Meeting → Meeting.json). */
    Optional<String> fileOf(JsonNode object) {
        String type = object.path("type").asText("");
        if (!type.startsWith(TYPE_PREFIX)) {
            return Optional.empty();
        }
        String file = type.substring(TYPE_PREFIX.length()) + ".json";
        return compiled.containsKey(file) ? Optional.of(file) : Optional.empty();
    }

    JsonNode schema(String file) {
        return raw.get(file);
    }

    /** Every problem of an object, embedded objects included; empty if it is valid. */
    List<String> validate(JsonNode object) {
        Optional<String> file = fileOf(object);
        if (file.isEmpty()) {
            return List.of("no OParl 1.1 type: " + object.path("type"));
        }
        List<String> problems = new ArrayList<>();
        validate(object, file.get(), "$", problems);
        return problems;
    }

    private void validate(JsonNode object, String file, String at, List<String> problems) {
        for (ValidationMessage m : compiled.get(file).validate(object)) {
            problems.add(file + " " + at + ": " + m.getMessage());
        }
        JsonNode properties = raw.get(file).path("properties");
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!properties.has(name) && !isExtension(name)) {
                problems.add(file + " " + at + ": property \"" + name + "\" is not in the schema");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            JsonNode value = object.get(p.getKey());
            if (value == null) {
                continue;
            }
            String embedded = p.getValue().path("schema").asText("");
            if ("object".equals(p.getValue().path("type").asText()) && embedded.endsWith(".json") && value.isObject()) {
                validate(value, embedded, at + "." + p.getKey(), problems);
            }
            String itemSchema = p.getValue().path("items").path("schema").asText("");
            if ("array".equals(p.getValue().path("type").asText()) && itemSchema.endsWith(".json") && value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    validate(value.get(i), itemSchema, at + "." + p.getKey() + "[" + i + "]", problems);
                }
            }
        }
    }

    /** A vendor-specific property: a prefix without "@" (nor ":"), a colon, a name. */
    static boolean isExtension(String name) {
        return name.matches("[^@:\\s]+:[^@:\\s]+");
    }

    /**
     * For each property of a schema that links to an external list: the schema file of the list's
     * items (e.g. Body.meeting → Meeting.json).
     */
    Map<String, String> externalLists(String file) {
        Map<String, String> lists = new HashMap<>();
        raw.get(file).path("properties").fields().forEachRemaining(p -> {
            if ("externalList".equals(p.getValue().path("references").asText())) {
                lists.put(p.getKey(), p.getValue().path("items").path("schema").asText());
            }
        });
        return lists;
    }

    /** OParl's "url" format: an absolute http(s) URL with a host. */
    static final class UrlFormat implements Format {
        @Override
        public String getName() {
            return "url";
        }

        @Override
        public boolean matches(ExecutionContext context, String value) {
            return isUrl(value);
        }

        static boolean isUrl(String value) {
            try {
                URI uri = new URI(value);
                return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                        && uri.getHost() != null;
            } catch (URISyntaxException e) {
                return false;
            }
        }
    }
}
