package nl.zorgpad.commons.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void extensionMembersStandBesideTheStandardOnes() throws Exception {
        Problem problem = new Problem(URI.create(Problem.TYPE_BASE + "stale"), "Stale", 412, "Read again",
                List.of(new FieldError("status", "is wrong")), Map.of("currentETag", "\"3\""));

        JsonNode written = json.readTree(json.writeValueAsString(problem));

        assertEquals("https://zorgpad.nl/problems/stale", written.get("type").asText());
        assertEquals(412, written.get("status").asInt());
        assertEquals("\"3\"", written.get("currentETag").asText());
        assertEquals("status", written.get("errors").get(0).get("field").asText());
        assertFalse(written.has("extensions"), "extensions are members, not an object of their own");
    }

    @Test
    void noErrorsAndNoExtensionsLeaveOnlyTheStandardMembers() throws Exception {
        Problem problem = new Problem(URI.create(Problem.TYPE_BASE + "not-found"), "Not found", 404, "No such thing",
                null, null);

        JsonNode written = json.readTree(json.writeValueAsString(problem));

        assertEquals(List.of("type", "title", "status", "detail"), memberNames(written));
    }

    private static List<String> memberNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
