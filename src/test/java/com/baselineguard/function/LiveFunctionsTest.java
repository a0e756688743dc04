package com.baselineguard.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.app.Composition;
import com.baselineguard.engine.Trigger;
import com.baselineguard.engine.WorkItem;
import com.baselineguard.testing.Fixtures;
import com.baselineguard.testing.FunctionHarness;
import com.baselineguard.testing.IdsThatCannotExist;
import com.baselineguard.testing.LiveHarness;
import com.baselineguard.testing.RedisScenarios;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The function classes as the host calls them, over the real SDK and the ARM stand-in. */
class LiveFunctionsTest {

    private static final String CACHE = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1";
    private static final String OWN_CLIENT_ID = "3f1e7c35-6f3c-4d0e-9d7a-0b4f4d9c1a11";

    private LiveHarness live;
    private Composition composition;
    private final FunctionHarness.Context context = new FunctionHarness.Context();

    @BeforeEach
    void start() {
        live = LiveHarness.start().with("AZURE_CLIENT_ID", OWN_CLIENT_ID);
        live.store(Fixtures.json("Microsoft.Cache/redis/2024-11-01_RedisCacheUpdate.json").getAsJsonObject());
    }

    @AfterEach
    void stop() {
        live.close();
    }

    private Composition app() {
        if (composition == null) {
            composition = live.composition();
        }
        return composition;
    }

    /** The published ResourceWriteSuccess event, pointed at another resource. */
    private static String event(String fixture, String resourceId, String appId) {
        JsonElement root = Fixtures.json("Microsoft.EventGrid/events/" + fixture);
        JsonObject event = root.isJsonArray() ? root.getAsJsonArray().get(0).getAsJsonObject() : root.getAsJsonObject();
        event.addProperty("subject", resourceId);
        JsonObject data = event.getAsJsonObject("data");
        data.addProperty("resourceUri", resourceId);
        data.addProperty("operationName", "Microsoft.Cache/redis/write");
        data.getAsJsonObject("claims").addProperty("appid", appId);
        JsonArray delivery = new JsonArray();
        delivery.add(event);
        return delivery.toString();
    }

    private FunctionHarness.Binding<List<String>> onResourceWrite(String body) {
        FunctionHarness.Binding<List<String>> queue = new FunctionHarness.Binding<>();
        new OnResourceWrite(this::app).run(body, queue, context.context);
        return queue;
    }

    @Test
    void aWriteEventInTheEventGridSchemaFixesTheResourceAndQueuesTheVerification() {
        var queue = onResourceWrite(event("event-grid-schema_resource_write_success.json", CACHE, "someone-else"));
        assertEquals(1, live.patches().size());
        assertEquals(1, context.outcomes().size());
        JsonObject outcome = context.outcomes().get(0);
        assertEquals("remediated", outcome.get("result").getAsString());
        assertEquals("event", outcome.get("trigger").getAsString());
        assertEquals("4db48cba-50a2-455a-93b4-de41a3b5b7f6", outcome.get("eventId").getAsString());
        WorkItem next = WorkItem.fromJson(queue.getValue().get(0));
        assertEquals(CACHE, next.resourceId());
        assertEquals(1, next.attempt());
        assertTrue(next.notBefore().isAfter(Instant.now().minusSeconds(1)));
    }

    @Test
    void aWriteEventInTheCloudEventsSchemaIsHandledTheSameWay() {
        onResourceWrite(event("cloud-events-schema_resource_write_success.json", CACHE, "someone-else"));
        assertEquals(1, live.patches().size());
    }

    @Test
    void aChildResourceEventRereadsTheCacheItAffects() {
        onResourceWrite(event("event-grid-schema_resource_write_success.json", CACHE + "/firewallRules/rule1", "x"));
        assertEquals(CACHE.toLowerCase(), live.arm.requests().get(0).path().toLowerCase());
    }

    @Test
    void unsupportedTypesAndOtherEventKindsAreSkippedWithoutAnArmCall() {
        onResourceWrite(Fixtures.json("Microsoft.EventGrid/events/event-grid-schema_resource_write_success.json").toString());
        onResourceWrite(Fixtures.json("Microsoft.EventGrid/events/event-grid-schema_resource_delete_success.json").toString());
        onResourceWrite("this is not an event");
        assertEquals(0, live.arm.requests().size());
        assertEquals(3, context.outcomes().size(), "one outcome per invocation, even for garbage");
        assertTrue(context.outcomes().stream().allMatch(o -> o.get("result").getAsString().equals("skipped")));
    }

    @Test
    void eventsRaisedByOurOwnIdentityAreRecognised() {
        var queue = onResourceWrite(event("event-grid-schema_resource_write_success.json", CACHE, OWN_CLIENT_ID));
        assertEquals(0, live.arm.requests().size());
        assertTrue(context.outcomes().get(0).get("reason").getAsString().contains("own write"));
        assertNull(queue.getValue());
    }

    @Test
    void theSameEventDeliveredManyTimesSendsOnePatch() {
        String body = event("event-grid-schema_resource_write_success.json", CACHE, "someone-else");
        live.arm.settleAfterGets(CACHE, 0);
        for (int i = 0; i < 5; i++) {
            onResourceWrite(body);
        }
        assertEquals(1, live.patches().size());
    }

    @Test
    void httpRemediateRefusesBadRequestsBeforeAnyArmCall() {
        RemediateResource function = new RemediateResource(this::app);
        for (String body : new String[] {"", "nope", "[]", "{\"resourceId\": 5}", "{\"resourceId\": \"" + CACHE + "\", \"dryrun\": true}",
                "{\"resourceId\": \"" + CACHE + "\", \"dryRun\": \"yes\"}",
                "{\"resourceId\": \"/subscriptions/s/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/a\"}",
                "{\"resourceId\": \"/subscriptions/s/resourceGroups/r/providers/Microsoft.Cache/Redis/../x\"}"}) {
            HttpResponseMessage response = function.remediate(FunctionHarness.request(body, Map.of()),
                    new FunctionHarness.Binding<>(), context.context);
            assertEquals(HttpStatus.BAD_REQUEST, response.getStatus(), body);
            assertTrue(FunctionHarness.json(response).get("error").getAsString().length() > 10);
        }
        assertEquals(0, live.arm.requests().size());
    }

    @Test
    void idsThatCannotExistAreRefusedByEveryFunctionBeforeAnyArmCall() {
        RemediateResource http = new RemediateResource(this::app);
        for (String id : IdsThatCannotExist.around(CACHE)) {
            HttpResponseMessage remediate = http.remediate(FunctionHarness.request("{\"resourceId\": "
                    + new com.google.gson.JsonPrimitive(id) + "}", Map.of()), new FunctionHarness.Binding<>(), context.context);
            assertEquals(HttpStatus.BAD_REQUEST, remediate.getStatus(), id);
            assertTrue(FunctionHarness.json(remediate).get("error").getAsString().startsWith("resource id has "), id);
            HttpResponseMessage evaluate = http.evaluate(FunctionHarness.request(null, Map.of("resourceId", id)),
                    context.context);
            assertEquals(HttpStatus.BAD_REQUEST, evaluate.getStatus(), id);

            FunctionHarness.Context eventContext = new FunctionHarness.Context();
            new OnResourceWrite(this::app).run(event("event-grid-schema_resource_write_success.json", id, "someone-else"),
                    new FunctionHarness.Binding<>(), eventContext.context);
            assertEquals("skipped", eventContext.outcomes().get(0).get("result").getAsString(), id);

            FunctionHarness.Context queueContext = new FunctionHarness.Context();
            new DeferredRemediation(this::app).run(app().remediator().start(id, Trigger.EVENT, Optional.empty(),
                    Optional.of("c"), false).toJson(), 1, queueContext.context);
            assertEquals("skipped", queueContext.outcomes().get(0).get("result").getAsString(), id);
            assertTrue(queueContext.outcomes().get(0).get("reason").getAsString().startsWith("resource id has "), id);
        }
        assertEquals(0, live.arm.requests().size(), "no ARM call for any of them");
    }

    @Test
    void httpRemediateInDryRunAnswersWithTheOutcomeAndWritesNothing() {
        HttpResponseMessage response = new RemediateResource(this::app).remediate(
                FunctionHarness.request("{\"resourceId\": \"" + CACHE + "\", \"dryRun\": true}", Map.of()),
                new FunctionHarness.Binding<>(), context.context);
        assertEquals(HttpStatus.OK, response.getStatus());
        JsonObject outcome = FunctionHarness.json(response);
        assertEquals("audited", outcome.get("result").getAsString());
        assertEquals("planned", outcome.getAsJsonArray("actions").get(0).getAsJsonObject().get("status").getAsString());
        assertEquals(0, live.patches().size());
    }

    @Test
    void httpRemediateFixesAndQueuesTheFollowUp() {
        FunctionHarness.Binding<String> followUp = new FunctionHarness.Binding<>();
        HttpResponseMessage response = new RemediateResource(this::app).remediate(
                FunctionHarness.request("{\"resourceId\": \"" + CACHE + "\"}", Map.of()), followUp, context.context);
        assertEquals(HttpStatus.OK, response.getStatus());
        assertEquals(1, live.patches().size());
        assertEquals(CACHE, WorkItem.fromJson(followUp.getValue()).resourceId());
    }

    @Test
    void httpAnswers404ForAResourceThatDoesNotExistAndEvaluateNeverWrites() {
        RemediateResource function = new RemediateResource(this::app);
        HttpResponseMessage missing = function.evaluate(
                FunctionHarness.request(null, Map.of("resourceId", CACHE.replace("cache1", "nothere"))), context.context);
        assertEquals(HttpStatus.NOT_FOUND, missing.getStatus());
        HttpResponseMessage evaluated = function.evaluate(FunctionHarness.request(null, Map.of("resourceId", CACHE)),
                context.context);
        assertEquals(HttpStatus.OK, evaluated.getStatus());
        assertEquals(0, live.patches().size());
        assertEquals(HttpStatus.BAD_REQUEST, function.evaluate(FunctionHarness.request(null, Map.of()), context.context)
                .getStatus());
    }

    @Test
    void deferredWorkThatIsNotDueMakesNoArmCallAndAsksTheHostToRedeliver() {
        WorkItem item = new WorkItem(CACHE, Trigger.EVENT, Optional.empty(), "c", false, 1, Instant.now().plusSeconds(60));
        DeferredRemediation function = new DeferredRemediation(this::app);
        assertThrows(DeferredRemediation.FollowUpPending.class, () -> function.run(item.toJson(), 1, context.context));
        assertEquals(0, live.arm.requests().size());
        assertEquals("deferred", context.outcomes().get(0).get("result").getAsString());
    }

    @Test
    void dueDeferredWorkRunsAndFinishesWithoutRedelivery() {
        live.arm.settleAfterGets(CACHE, 0);
        live.arm.put(Fixtures.json("Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json").getAsJsonObject());
        WorkItem item = new WorkItem(CACHE, Trigger.EVENT, Optional.empty(), "c", false, 1, Instant.EPOCH);
        new DeferredRemediation(this::app).run(item.toJson(), 1, context.context);
        assertEquals("audited", context.outcomes().get(0).get("result").getAsString());
    }

    @Test
    void deferredWorkGivesUpAfterTheAttemptBoundAndPoisonMessagesEndFailed() {
        live.store(Fixtures.json("Microsoft.Cache/redis/2025-08-01-preview_RedisCacheGet.json").getAsJsonObject());
        String busy = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1";
        WorkItem item = new WorkItem(busy, Trigger.EVENT, Optional.empty(), "c", false, 0, Instant.EPOCH);
        new DeferredRemediation(this::app).run(item.toJson(), 10, context.context);
        JsonObject last = context.outcomes().get(0);
        assertEquals("failed", last.get("result").getAsString(), last.toString());
        assertTrue(last.get("reason").getAsString().contains("gave up after 10 attempts"));

        new DeferredRemediationPoison(this::app).run(item.toJson(), context.context);
        new DeferredRemediationPoison(this::app).run("garbage", context.context);
        assertEquals(List.of("failed", "failed"), context.outcomes().subList(1, 3).stream()
                .map(o -> o.get("result").getAsString()).toList());
    }

    private void assertOpenCacheDecided(JsonObject outcome) {
        Map<String, String> statuses = RedisScenarios.statuses(outcome);
        assertEquals("fail", statuses.get("REDIS-002"), outcome.toString());
        assertEquals("fail", statuses.get("REDIS-003"), outcome.toString());
        assertEquals("fail", statuses.get("REDIS-004"), outcome.toString());
    }

    private long firewallRuleReads() {
        return live.arm.requests().stream().filter(r -> r.path().endsWith("/firewallRules")).count();
    }

    @Test
    void theHttpFunctionDecidesAnOpenCacheWithItsFirewallRules() {
        RedisScenarios.storeOpenCache(live);
        HttpResponseMessage response = new RemediateResource(this::app).evaluate(
                FunctionHarness.request(null, Map.of("resourceId", CACHE)), context.context);
        assertEquals(HttpStatus.OK, response.getStatus());
        assertOpenCacheDecided(FunctionHarness.json(response));
        assertEquals(1, firewallRuleReads());
    }

    @Test
    void aFirewallRuleEventReevaluatesTheCacheWithItsRulesLoaded() {
        RedisScenarios.storeOpenCache(live);
        JsonArray delivery = JsonParser.parseString(event("event-grid-schema_resource_write_success.json",
                CACHE + "/firewallRules/allowAll", "someone-else")).getAsJsonArray();
        delivery.get(0).getAsJsonObject().getAsJsonObject("data")
                .addProperty("operationName", "Microsoft.Cache/redis/firewallRules/write");
        onResourceWrite(delivery.toString());
        assertEquals(1, context.outcomes().size());
        assertOpenCacheDecided(context.outcomes().get(0));
        assertEquals(1, firewallRuleReads());
    }

    @Test
    void theSweepQueuesAnOpenCacheForTheReadsItsRulesNeedAndTheQueuedWorkDecidesIt() {
        RedisScenarios.storeOpenCache(live);
        live.arm.put(RedisScenarios.privateCache(CACHE.replace("cache1", "cache2")));
        live.arm.settleAfterGets(CACHE, 0);
        FunctionHarness.Binding<List<String>> work = new FunctionHarness.Binding<>();
        new SweepSubscriptions(this::app).run("{\"isPastDue\":false}", work, context.context);
        assertEquals(1, work.getValue().size(), "only the open cache needs a full read");
        assertEquals(0, live.arm.count("GET"), "the sweep itself reads nothing per resource");
        // The queued work also sends the cache's safe fixes, so the host redelivers it for the verification read.
        assertThrows(DeferredRemediation.FollowUpPending.class,
                () -> new DeferredRemediation(this::app).run(work.getValue().get(0), 1, context.context));
        assertOpenCacheDecided(context.outcomes().get(0));
        assertEquals(1, firewallRuleReads());
    }

    @Test
    void theSweepQueuesOnlyTheResourcesThatNeedAFix() {
        live.store(RedisScenarios.privateCache(CACHE.replace("cache1", "cache2")));
        FunctionHarness.Binding<List<String>> work = new FunctionHarness.Binding<>();
        new SweepSubscriptions(this::app).run("{\"isPastDue\":false}", work, context.context);
        assertEquals(1, work.getValue().size());
        assertEquals(CACHE, WorkItem.fromJson(work.getValue().get(0)).resourceId());
        assertEquals(0, live.patches().size(), "the sweep never writes from graph rows");
        assertEquals(0, live.arm.count("GET"), "no per-resource reads for compliant rows");
        String summary = context.records.get(0).getMessage();
        assertTrue(summary.startsWith("BaselineGuardSweep "), summary);
    }
}
