package com.baselineguard.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.app.Composition;
import com.baselineguard.testing.Fixtures;
import com.baselineguard.testing.FunctionHarness;
import com.baselineguard.testing.LiveHarness;
import com.baselineguard.testing.arm.Fault;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hostile and malformed HTTP bodies and queue messages: a 400 or a recorded outcome, never a crash, never an ARM call. */
class HostileInputLiveTest {

    private static final String SUB = "00000000-0000-0000-0000-000000000000";
    private static final String CACHE = "/subscriptions/" + SUB + "/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1";

    private LiveHarness live;
    private Composition app;

    @BeforeEach
    void start() {
        live = LiveHarness.start().with("BG_SCOPES", "/subscriptions/" + SUB);
        live.store(Fixtures.json("Microsoft.Cache/redis/2024-11-01_RedisCacheUpdate.json").getAsJsonObject());
        app = live.composition();
    }

    @AfterEach
    void stop() {
        live.close();
    }

    private HttpResponseMessage post(String body) {
        return new RemediateResource(() -> app).remediate(FunctionHarness.request(body, Map.of()),
                new FunctionHarness.Binding<>(), new FunctionHarness.Context().context);
    }

    static List<String> hostileIds() {
        return List.of("", " ", "not-an-id", "subscriptions/" + SUB, "/subscriptions/" + SUB,
                CACHE + "/..", CACHE.replace("/rg1/", "/rg1/../rg2/"), CACHE.replace("/Redis/", "%2FRedis/"),
                CACHE.replace("/Redis/cache1", "/Redis%2Fcache1"), CACHE + "/extra", CACHE + "/extra/segments/here",
                CACHE.replace("Microsoft.Cache", "Microsoft.Compute").replace("Redis", "virtualMachines"),
                CACHE.replace(SUB, "11111111-1111-1111-1111-111111111111"),
                CACHE.replace(SUB, "11111111-1111-1111-1111-111111111111").toUpperCase(),
                CACHE + "?api-version=1", CACHE + "#x", CACHE.replace("/", "\\"), CACHE + "\u0000", "//" + CACHE,
                "/subscriptions/" + SUB + "/providers/Microsoft.Cache/Redis/x", "x".repeat(5000));
    }

    @Test
    void hostileBodiesAnswer400AndNeverReachArm() {
        List<String> bodies = new ArrayList<>(List.of("", "not json", "[]", "null", "42", "\"" + CACHE + "\"", "{",
                "{\"resourceId\": 42}", "{\"resourceId\": null}", "{\"resourceId\": [\"" + CACHE + "\"]}",
                "{\"resourceId\": \"" + CACHE + "\", \"dryrun\": true}", "{\"resourceId\": \"" + CACHE + "\", \"dryRun\": \"yes\"}",
                "{\"resourceId\": \"" + CACHE.replace("00000000-0000-0000-0000-000000000000", "11111111-1111-1111-1111-111111111111")
                        + "\", \"resourceId\": \"" + CACHE + "\"}",
                "{\"resourceId\": \"" + CACHE + "\", \"extra\": {}}", "[".repeat(100_000) + "]".repeat(100_000),
                "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000), "{\"resourceId\": \"" + "x".repeat(70_000) + "\"}"));
        for (String id : hostileIds()) {
            bodies.add("{\"resourceId\": " + com.google.gson.JsonParser.parseString("\"\"").toString().replace("\"\"",
                    new com.google.gson.Gson().toJson(id)) + "}");
        }
        for (String body : bodies) {
            HttpResponseMessage response = post(body);
            assertEquals(HttpStatus.BAD_REQUEST, response.getStatus(), body.length() > 400 ? abbreviate(body) : body);
            assertTrue(FunctionHarness.json(response).get("error").getAsString().length() > 0);
        }
        assertEquals(List.of(), live.arm.requests(), "no ARM call for any hostile body");
    }

    @Test
    void oddCasingOfAnInScopeIdIsTheSameResource() {
        HttpResponseMessage response = post("{\"resourceId\": \"" + CACHE.toUpperCase().replace(SUB.toUpperCase(), SUB)
                + "\", \"dryRun\": true}");
        assertEquals(HttpStatus.OK, response.getStatus());
        assertEquals(0, live.patches().size());
    }

    @Test
    void hostileQueueMessagesAreRecordedAndDroppedWithoutArmCalls() {
        List<String> messages = new ArrayList<>(List.of("", "not json", "[]", "{}", "null", "{\"resourceId\": 1}",
                "{\"resourceId\":\"" + CACHE + "\",\"trigger\":\"nope\",\"correlationId\":\"c\",\"dryRun\":false,\"attempt\":0,\"notBefore\":\"1970-01-01T00:00:00Z\"}",
                "{\"resourceId\":\"" + CACHE + "\",\"trigger\":\"event\",\"correlationId\":\"c\",\"dryRun\":false,\"attempt\":-5,\"notBefore\":\"1970-01-01T00:00:00Z\"}",
                "{\"resourceId\":\"" + CACHE + "\",\"trigger\":\"event\",\"correlationId\":\"c\",\"dryRun\":false,\"attempt\":0,\"notBefore\":\"yesterday\"}",
                "[".repeat(100_000)));
        for (String id : hostileIds()) {
            messages.add("{\"resourceId\":" + new com.google.gson.Gson().toJson(id)
                    + ",\"trigger\":\"event\",\"correlationId\":\"c\",\"dryRun\":false,\"attempt\":0,\"notBefore\":\"1970-01-01T00:00:00Z\"}");
        }
        for (String message : messages) {
            FunctionHarness.Context context = new FunctionHarness.Context();
            new DeferredRemediation(() -> app).run(message, 1, context.context);
            assertEquals(1, context.outcomes().size(), abbreviate(message));
            String result = context.outcomes().get(0).get("result").getAsString();
            assertTrue(result.equals("failed") || result.equals("skipped"), result + " for " + abbreviate(message));
        }
        assertEquals(List.of(), live.arm.requests());
    }

    @Test
    void aDeterministicFuzzOfHttpBodiesOnlyEverAnswers400WithoutArmCalls() {
        // Scoped to another subscription: a mutation that is still a well-formed id is refused by scope, so
        // every one of the 20,000 bodies must answer 400 and none may reach ARM.
        app = live.with("BG_SCOPES", "/subscriptions/11111111-1111-1111-1111-111111111111").composition();
        // One request whose body changes: creating 20,000 mocks would cost more than the test itself.
        java.util.concurrent.atomic.AtomicReference<String> current = new java.util.concurrent.atomic.AtomicReference<>("");
        var request = FunctionHarness.request("", Map.of());
        org.mockito.Mockito.when(request.getBody()).thenAnswer(i -> java.util.Optional.of(current.get()));
        RemediateResource function = new RemediateResource(() -> app);
        FunctionHarness.Binding<String> binding = new FunctionHarness.Binding<>();
        FunctionHarness.Context context = new FunctionHarness.Context();
        Random random = new Random(20250101L);
        String seed = "{\"resourceId\": \"" + CACHE + "\", \"dryRun\": true}";
        String alphabet = "{}[]\":,/\\.%0aZ \u0000\u00e9tf-_";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder body = new StringBuilder(seed);
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(body.length());
                switch (random.nextInt(3)) {
                    case 0 -> body.deleteCharAt(at);
                    case 1 -> body.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> body.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            current.set(body.toString());
            HttpResponseMessage response = function.remediate(request, binding, context.context);
            assertEquals(HttpStatus.BAD_REQUEST, response.getStatus(), body.toString());
        }
        assertEquals(List.of(), live.arm.requests(), "no ARM call for any fuzzed body");
    }

    @Test
    void aMissingPermissionIsOneSevereLineAndNoRetry() {
        live.arm.inject(Fault.on("PATCH", ".*").authorizationFailed("Microsoft.Cache/redis/write").always());
        FunctionHarness.Context context = new FunctionHarness.Context();
        new RemediateResource(() -> app).remediate(FunctionHarness.request("{\"resourceId\": \"" + CACHE + "\"}", Map.of()),
                new FunctionHarness.Binding<>(), context.context);
        assertEquals(1, context.records.stream().filter(r -> r.getLevel() == Level.SEVERE).count());
        assertTrue(context.outcomes().get(0).get("reason").getAsString().contains("permission missing: Microsoft.Cache/redis/write"));
        assertEquals(1, live.patches().size(), "no retry");
        assertTrue(context.outcomes().get(0).get("followUpNotBefore").isJsonNull());
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
