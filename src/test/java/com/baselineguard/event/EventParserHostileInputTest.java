package com.baselineguard.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Input that is not a delivery is refused with one clear line, never another exception. */
class EventParserHostileInputTest {

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("refusedBodies")
    void refusedWithAClearMessage(String body, String expectedMessageStart) {
        EventParseException e = assertThrows(EventParseException.class, () -> EventParser.parse(body));
        assertTrue(e.getMessage().startsWith(expectedMessageStart), e.getMessage());
        assertOneLine(e.getMessage());
    }

    static Stream<Arguments> refusedBodies() {
        return Stream.of(
                Arguments.of(null, "event body is empty"),
                Arguments.of("", "event body is empty"),
                Arguments.of(" \n\t", "event body is empty"),
                Arguments.of("not json", "event body is not JSON: "),
                Arguments.of("{", "event body is not JSON: "),
                Arguments.of("[{}", "event body is not JSON: "),
                Arguments.of("{eventType: 'x'}", "event body is not JSON: "),
                Arguments.of("{\"a\":1} {\"b\":2}", "event body is not JSON: "),
                Arguments.of("{\"a\":1} // comment", "event body is not JSON: "),
                Arguments.of("NaN", "event body is not JSON: "),
                Arguments.of("<xml/>", "event body is not JSON: "),
                Arguments.of("\"a string\"", "event body must be a JSON object or array, found a string"),
                Arguments.of("42", "event body must be a JSON object or array, found a number"),
                Arguments.of("true", "event body must be a JSON object or array, found a boolean"),
                Arguments.of("null", "event body must be a JSON object or array, found null"),
                Arguments.of("[]", "event array is empty"),
                Arguments.of("[1]", "event 0: must be a JSON object, found a number"),
                Arguments.of("[[]]", "event 0: must be a JSON object, found an array"),
                Arguments.of("[null]", "event 0: must be a JSON object, found null"),
                Arguments.of("{}", "event: missing eventType (Event Grid schema) or type and specversion (CloudEvents 1.0)"),
                Arguments.of("[" + write() + ",{}]", "event 1: missing eventType"),
                Arguments.of("[" + "[".repeat(5_000) + "]".repeat(5_000) + "]", "event body is not JSON: "),
                Arguments.of("{\"a\":" + "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_001), "event body is not JSON: "),
                Arguments.of("[" + write() + ",".repeat(1) + " " + "x".repeat(EventParser.MAX_BODY_BYTES) + "]",
                        "event body is too large: more than 1048576 bytes"),
                Arguments.of("[\"" + "é".repeat(EventParser.MAX_BODY_BYTES / 2) + "\"]", "event body is too large"),
                Arguments.of(batchOf(EventParser.MAX_EVENTS + 1), "event array has 101 events; at most 100 are accepted"));
    }

    @Test
    void aFullBatchIsAccepted() {
        assertEquals(EventParser.MAX_EVENTS, EventParser.parse(batchOf(EventParser.MAX_EVENTS)).size());
    }

    /** Each envelope and data field in turn: missing, null, and every wrong JSON type. */
    @ParameterizedTest(name = "{0} {1} = {2}")
    @MethodSource("fieldMutations")
    void wrongOrMissingFieldsAreRefusedOrIgnored(String fixture, String path, JsonElement value) {
        JsonObject event = EventFixtures.object(fixture);
        set(event, path, value);
        try {
            List<ResourceChange> changes = EventParser.parse(event.toString());
            assertEquals(1, changes.size());
            changes.get(0).ignoredBecause().ifPresent(EventParserHostileInputTest::assertOneLine);
        } catch (EventParseException e) {
            assertOneLine(e.getMessage());
            String field = path.substring(path.lastIndexOf('.') + 1);
            assertTrue(e.getMessage().contains(field) || e.getMessage().contains("specversion"), e.getMessage());
        }
    }

    static Stream<Arguments> fieldMutations() {
        List<JsonElement> values = List.of(JsonNull.INSTANCE, new JsonPrimitive(7), new JsonPrimitive(true),
                new JsonArray(), new JsonObject(), new JsonPrimitive(""), new JsonPrimitive("\u0000\u202e\uD83D\uDE00"));
        List<String> gridFields = List.of("id", "topic", "subject", "eventType", "eventTime", "dataVersion", "metadataVersion",
                "data", "data.resourceUri", "data.operationName", "data.status", "data.correlationId", "data.subscriptionId",
                "data.tenantId", "data.claims", "data.claims.appid", "data.claims.azp",
                "data.claims.http://schemas.microsoft.com/identity/claims/objectidentifier");
        List<String> cloudFields = List.of("specversion", "id", "source", "subject", "type", "time", "data", "data.resourceUri",
                "data.claims", "data.claims.appid");
        Stream<Arguments> grid = gridFields.stream().flatMap(f -> values.stream()
                .map(v -> Arguments.of(EventFixtures.EG_WRITE, f, v)));
        Stream<Arguments> cloud = cloudFields.stream().flatMap(f -> values.stream()
                .map(v -> Arguments.of(EventFixtures.CE_WRITE, f, v)));
        return Stream.concat(grid, cloud);
    }

    @Test
    void specificFieldMessages() {
        assertMessage(EventFixtures.EG_WRITE, "eventType", new JsonPrimitive(3), "event: eventType must be a string, found a number");
        assertMessage(EventFixtures.EG_WRITE, "eventType", null, "event: missing eventType (Event Grid schema) or type and specversion (CloudEvents 1.0)");
        assertMessage(EventFixtures.EG_WRITE, "eventType", new JsonPrimitive(" "), "event: eventType is empty");
        assertMessage(EventFixtures.EG_WRITE, "id", null, "event: missing id");
        assertMessage(EventFixtures.EG_WRITE, "subject", null, "event: missing subject");
        assertMessage(EventFixtures.EG_WRITE, "eventTime", new JsonObject(), "event: eventTime must be a string, found an object");
        assertMessage(EventFixtures.EG_WRITE, "data", new JsonPrimitive("{}"), "event: data must be an object, found a string");
        assertMessage(EventFixtures.EG_WRITE, "data", null, "event: data is missing");
        assertMessage(EventFixtures.EG_WRITE, "data.resourceUri", new JsonArray(), "event: data.resourceUri must be a string, found an array");
        assertMessage(EventFixtures.EG_WRITE, "data.claims", new JsonPrimitive("x"), "event: data.claims must be an object, found a string");
        assertMessage(EventFixtures.EG_WRITE, "data.claims.appid", new JsonPrimitive(1), "event: data.claims.appid must be a string, found a number");
        assertMessage(EventFixtures.CE_WRITE, "specversion", new JsonPrimitive("0.3"), "event: unsupported specversion '0.3'; only CloudEvents 1.0 is accepted");
        assertMessage(EventFixtures.CE_WRITE, "specversion", new JsonPrimitive(1.0), "event: specversion must be a string, found a number");
        assertMessage(EventFixtures.CE_WRITE, "specversion", null, "event: missing specversion (a CloudEvents 1.0 event has 'type' and 'specversion')");
        assertMessage(EventFixtures.CE_WRITE, "type", null, "event: missing type");
        assertMessage(EventFixtures.CE_WRITE, "source", null, "event: missing source");
        assertMessage(EventFixtures.CE_WRITE, "data_base64", new JsonPrimitive("e30="), "event: data_base64 is not accepted; resource events carry JSON data");
    }

    @Test
    void unknownFieldsAreIgnoredAndNeverTrusted() {
        JsonObject event = EventFixtures.object(EventFixtures.EG_WRITE);
        event.addProperty("target", "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Cache/Redis/evil");
        event.getAsJsonObject("data").addProperty("resourceId", "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Cache/Redis/evil");
        ResourceChange change = EventParser.parse(event.toString()).get(0);
        assertEquals(java.util.Optional.of("type Microsoft.Storage/storageAccounts is not evaluated"), change.skipReason());
    }

    @Test
    void unicodeIsCarriedThroughAndControlCharactersNeverReachAReason() {
        JsonObject event = EventFixtures.object(EventFixtures.EG_WRITE);
        event.addProperty("id", "événement-\uD83D\uDE00");
        // A resource group may hold any letter ("letters or digits as defined by the Char.IsLetterOrDigit function").
        String cache = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/gruppe-ä/providers/Microsoft.Cache"
                + "/Redis/cache-1";
        event.addProperty("subject", cache);
        event.getAsJsonObject("data").addProperty("resourceUri", cache);
        ResourceChange change = EventParser.parse(event.toString()).get(0);
        assertEquals("événement-\uD83D\uDE00", change.eventId());
        assertEquals(cache, change.target().orElseThrow().toString());

        // A Redis cache name may not: it is letters, digits and hyphens (Redis 2024-11-01 cacheName pattern).
        String accented = cache.replace("cache-1", "çache");
        event.addProperty("subject", accented);
        event.getAsJsonObject("data").addProperty("resourceUri", accented);
        String refused = EventParser.parse(event.toString()).get(0).skipReason().orElseThrow();
        assertTrue(refused.startsWith("resourceUri is not a resource id: resource id has Microsoft.Cache/Redis name 'çache'"),
                refused);

        String hostile = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Cache"
                + "/Redis/c\u0000\r\nX-Injected: 1";
        event.addProperty("subject", hostile);
        event.getAsJsonObject("data").addProperty("resourceUri", hostile);
        String reason = EventParser.parse(event.toString()).get(0).skipReason().orElseThrow();
        assertOneLine(reason);
    }

    @Test
    void aHugeFieldInsideTheLimitIsAbbreviatedInReasons() {
        String longName = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/" + "a".repeat(10_000);
        ResourceChange change = EventParser.parse(EventFixtures.writeEventAbout(longName, longName)).get(0);
        assertTrue(change.skipReason().orElseThrow().length() < 400);
    }

    private static void assertMessage(String fixture, String path, JsonElement value, String expected) {
        JsonObject event = EventFixtures.object(fixture);
        set(event, path, value);
        EventParseException e = assertThrows(EventParseException.class, () -> EventParser.parse(event.toString()));
        assertEquals(expected, e.getMessage());
    }

    /** Sets (or, for a null value, removes) a field; the path's last segment may itself contain dots after "claims.". */
    private static void set(JsonObject event, String path, JsonElement value) {
        JsonObject current = event;
        String rest = path;
        while (rest.contains(".") && !current.has(rest)) {
            String head = rest.substring(0, rest.indexOf('.'));
            JsonElement next = current.get(head);
            if (next == null || !next.isJsonObject()) {
                return;
            }
            current = next.getAsJsonObject();
            rest = rest.substring(head.length() + 1);
            if (head.equals("claims")) {
                break;
            }
        }
        if (value == null) {
            current.remove(rest);
        } else {
            current.add(rest, value.deepCopy());
        }
    }

    private static String write() {
        return EventFixtures.text(EventFixtures.EG_WRITE);
    }

    private static String batchOf(int n) {
        JsonArray batch = new JsonArray();
        JsonElement event = JsonParser.parseString(EventFixtures.text(EventFixtures.CE_WRITE));
        for (int i = 0; i < n; i++) {
            batch.add(event.deepCopy());
        }
        return batch.toString();
    }

    static void assertOneLine(String message) {
        assertFalse(message.isBlank());
        assertFalse(message.chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0), message);
    }
}
