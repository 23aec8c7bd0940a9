package de.digitalstrategie.cockpit.oparl;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * The OParl 1.1 objects the interface writes, property names as in the official schema
 * (schema.oparl.org/1.1). Absent values are left out rather than written as null: OParl has no
 * null, and a schema type "string" refuses one. URLs are absolute; dates are ISO 8601.
 */
public final class OParlJson {
    static final String VERSION = "https://schema.oparl.org/1.1/";

    private OParlJson() {
    }

    static String type(String name) {
        return VERSION + name;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SystemJson(String id, String type, String oparlVersion, String body, String name, String website,
                             String vendor, String product, String license, String contactEmail,
                             String contactName) {
    }

    /**
     * @param legislativeTerm always empty: the steering committee and the advisory board are
     *                        appointed, not elected, and the plugin keeps no electoral terms
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BodyJson(String id, String type, String system, String shortName, String name, String website,
                           String license, String contactEmail, String contactName, String classification,
                           String organization, String person, String meeting, String paper,
                           List<Object> legislativeTerm, String agendaItem, String file, String locationList,
                           String legislativeTermList, String membership) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrganizationJson(String id, String type, String body, String name, List<String> membership,
                                   String meeting, String organizationType, String classification) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PersonJson(String id, String type, String body, String name, List<MembershipJson> membership) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MembershipJson(String id, String type, String person, String organization, String role,
                                 Boolean votingRight) {
    }

    /** @param start the day at 00:00 in Europe/Berlin: the registers keep the day, not the hour */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MeetingJson(String id, String type, String name, String start, LocationJson location,
                              List<String> organization, List<AgendaItemJson> agendaItem, String web) {
    }

    /**
     * @param extensions the city's vendor-specific properties ({@code prefix:name}, as OParl 1.1
     *                   allows them), written beside the schema's own; empty for none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AgendaItemJson(String id, String type, String meeting, String number, int order, String name,
                                 @JsonProperty("public") boolean isPublic, String result, String resolutionText,
                                 @JsonIgnore Map<String, Object> extensions) {
        @JsonAnyGetter
        Map<String, Object> extensionProperties() {
            return extensions;
        }
    }

    /**
     * Where one decision on an agenda item stands in being carried out ("Beschlusskontrolle", as
     * the OpenGovLD community asked for in OpenGovLD/specs#173): {@code scheme} names the
     * vocabulary {@code code} is from, so that a finer one can take the place of today's without
     * breaking a client that reads the scheme first. The vocabularies are documented in README.
     *
     * @param decision the decision's number, as the minutes give it
     * @param label    the code in the answer's language
     */
    public record ImplementationStateJson(String decision, String scheme, String code, String label) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LocationJson(String id, String type, String description) {
    }

    /** One page of an external object list. */
    public record ListPage<T>(List<T> data, Pagination pagination, Links links) {
    }

    public record Pagination(int totalElements, int elementsPerPage, int currentPage, int totalPages) {
    }

    /** @param next present on every page but the last, as OParl requires; prev on every page but the first */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Links(String first, String prev, String self, String next, String last) {
    }
}
