package de.digitalstrategie.cockpit.oparl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Published objects are rebased as text, not parsed: every string value that starts with the
 * canonical base and nothing else, however the JSON spells what is around it.
 */
class OParlUrlsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void onlyValuesThatStartWithTheCanonicalBaseAreRebased() throws Exception {
        String rest = OParlUrls.CANONICAL_BASE.toString();
        String site = OParlUrls.CANONICAL_BASE.resolve("/").toString();
        ObjectNode stored = JSON.createObjectNode();
        stored.put("id", rest + "oparl/meeting/7");
        stored.put("web", site + "pages/viewpage.action?pageId=12");
        stored.put("name", "Zitat: \"" + rest + "oparl/system\" und \\\"" + site + "x");
        stored.put("endsInBackslash", "C:\\");
        stored.put("after", rest + "oparl/body/1");
        stored.put("other", "https://www.worms.de/ – Stadtverwaltung ä");
        stored.putArray("organization").add(rest + "oparl/organization/lenkungskreis").add(site);
        String text = JSON.writeValueAsString(stored);

        OParlUrls urls = new OParlUrls(URI.create("https://wiki.stadt.example/confluence/rest/cockpit/1.0/"));
        JsonNode rebased = JSON.readTree(urls.fromCanonicalJson(text));
        assertEquals("https://wiki.stadt.example/confluence/rest/cockpit/1.0/oparl/meeting/7", rebased.path("id").asText());
        assertEquals("https://wiki.stadt.example/pages/viewpage.action?pageId=12", rebased.path("web").asText(),
                "the host's pages under the site's root, as absolute() resolves them");
        assertEquals(stored.path("name"), rebased.path("name"), "a value that only mentions the base stays");
        assertEquals(stored.path("endsInBackslash"), rebased.path("endsInBackslash"));
        assertEquals("https://wiki.stadt.example/confluence/rest/cockpit/1.0/oparl/body/1",
                rebased.path("after").asText(), "after a value ending in a backslash");
        assertEquals(stored.path("other"), rebased.path("other"));
        assertEquals("https://wiki.stadt.example/confluence/rest/cockpit/1.0/oparl/organization/lenkungskreis",
                rebased.at("/organization/0").asText());
        assertEquals("https://wiki.stadt.example/", rebased.at("/organization/1").asText());
    }
}
