package com.baselineguard.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.when;

import com.baselineguard.app.Composition;
import com.baselineguard.cli.Main;
import com.baselineguard.engine.Remediator;
import com.baselineguard.engine.Trigger;
import com.baselineguard.testing.Fixtures;
import com.baselineguard.testing.FunctionHarness;
import com.baselineguard.testing.LiveHarness;
import com.baselineguard.testing.eventgrid.TopicStandIn;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Outcome records published as CloudEvents to an Event Grid topic (docs/outcome-events.md), with the
 * real EventGridPublisherClient and managed identity against a local topic stand-in. One harness for the
 * class: MSAL caches the identity's Event Grid token for the whole JVM, so every test must talk to the
 * identity endpoint that issued it.
 */
class OutcomeEventsLiveTest {

    private static final String CACHE = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1";

    private static LiveHarness live;
    private static TopicStandIn topic;

    @BeforeAll
    static void start() {
        live = LiveHarness.start();
        topic = TopicStandIn.start(live.arm);
        live.with("BG_OUTCOME_TOPIC_ENDPOINT", topic.endpoint()).with("BG_RULE_MODE_REDIS_011", "off");
        live.store(Fixtures.json("Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json").getAsJsonObject());
    }

    @AfterAll
    static void stop() {
        topic.close();
        live.close();
    }

    @BeforeEach
    void clear() {
        topic.clear();
    }

    /** One DeferredRemediation invocation for the compliant cache; its log records. */
    private static FunctionHarness.Context invoke() {
        Composition app = live.composition();
        Remediator remediator = app.remediator();
        String item = remediator.start(CACHE, Trigger.HTTP, Optional.empty(), Optional.of("corr-1"), false).toJson();
        FunctionHarness.Context context = new FunctionHarness.Context();
        when(context.context.getFunctionName()).thenReturn("DeferredRemediation");
        new DeferredRemediation(() -> app).run(item, 1, context.context);
        return context;
    }

    private static List<String> warnings(FunctionHarness.Context context) {
        return context.records.stream().filter(r -> r.getLevel() == Level.WARNING).map(LogRecord::getMessage).toList();
    }

    @Test
    void eachFunctionOutcomeIsPublishedAsACloudEventCarryingTheRecord() {
        FunctionHarness.Context context = invoke();
        assertEquals(1, context.outcomes().size());
        JsonObject logged = context.outcomes().get(0);
        assertEquals(List.of(), warnings(context));

        assertEquals(1, topic.accepted().size());
        JsonObject event = topic.accepted().get(0);
        assertEquals("1.0", event.get("specversion").getAsString());
        assertEquals(logged.get("outcomeId").getAsString(), event.get("id").getAsString());
        assertEquals("com.baselineguard.outcome." + logged.get("result").getAsString(), event.get("type").getAsString());
        assertEquals("/baseline-guard/DeferredRemediation", event.get("source").getAsString());
        assertEquals(CACHE, event.get("subject").getAsString());
        assertEquals("application/json", event.get("datacontenttype").getAsString());
        assertTrue(event.has("time"), event.toString());
        assertEquals(logged, event.get("data"), "data is the logged record, field for field");

        TopicStandIn.Request request = topic.requests().get(0);
        assertTrue(request.header("Authorization").startsWith("Bearer "), "managed identity, not a key");
        assertNull(request.header("aeg-sas-key"));
        assertTrue(request.header("Content-Type").startsWith("application/cloudevents-batch+json"));
        assertTrue(live.arm.tokenRequests().stream().anyMatch(t -> t.resource().startsWith(TopicStandIn.AUDIENCE)));
    }

    @Test
    void aTopicAnswering500StillLogsTheOutcomeAndWarnsOnceWithoutSecrets() {
        topic.failNext(500, 10);
        FunctionHarness.Context context = invoke();
        assertEquals(1, context.outcomes().size(), "the outcome is logged whatever the topic does");
        assertEquals("audited", context.outcomes().get(0).get("result").getAsString());
        List<String> warnings = warnings(context);
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals("BaselineGuardOutcomeNotPublished outcomeId=" + context.outcomes().get(0).get("outcomeId")
                .getAsString() + " topic=127.0.0.1 error=HTTP 500 (the outcome record above is the record of truth)",
                warnings.get(0));
        assertTrue(context.records.indexOf(context.records.stream().filter(r -> r.getLevel() == Level.WARNING)
                .findFirst().orElseThrow()) > 0, "the outcome line comes first");
        assertTrue(topic.accepted().isEmpty());
        assertTrue(topic.requests().size() >= 1);
    }

    @Test
    void aThrottledPublishIsNotWaitedForLongerThanItsOneShortRetry() {
        // azure-core would wait the server's Retry-After whatever its length; 30 s is past the 1 s retry.
        topic.throttleNext(30);
        long started = System.nanoTime();
        FunctionHarness.Context context = invoke();
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(1, context.outcomes().size());
        List<String> warnings = warnings(context);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains(" error=HTTP 429 "), warnings.get(0));
        assertEquals(1, topic.requests().size(), "not retried");
        assertTrue(tookMillis < 20_000, "took " + tookMillis + " ms");
    }

    @Test
    void aDroppedPublishStillLogsTheOutcomeAndWarnsOnce() {
        topic.failNext(0, 10);
        FunctionHarness.Context context = invoke();
        assertEquals(1, context.outcomes().size());
        List<String> warnings = warnings(context);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("BaselineGuardOutcomeNotPublished outcomeId="), warnings.get(0));
        assertFalse(warnings.get(0).contains("Bearer"), warnings.get(0));
    }

    @Test
    void theCommandLinePublishesEveryOutcomeItPrintsWithItsOwnSource() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[] {"remediate", CACHE, "--format", "json"}, new PrintWriter(out),
                new PrintWriter(err), live.environment(), false);
        assertEquals(0, exit, err.toString());
        List<JsonObject> printed = err.toString().lines().filter(l -> l.startsWith("BaselineGuardOutcome "))
                .map(l -> JsonParser.parseString(l.substring("BaselineGuardOutcome ".length())).getAsJsonObject())
                .toList();
        assertFalse(printed.isEmpty());
        assertEquals(printed.size(), topic.accepted().size());
        for (int i = 0; i < printed.size(); i++) {
            JsonObject event = topic.accepted().get(i);
            assertEquals("/baseline-guard/cli", event.get("source").getAsString());
            assertEquals(printed.get(i), event.get("data"));
        }
    }

    @Test
    void withoutATopicNothingIsPublished() {
        FunctionHarness.Context context = new FunctionHarness.Context();
        Composition app = Composition.fromEnvironment(java.util.Map.of());
        Outcomes.log(context.context, app, app.remediator().record(
                live.composition().remediator().start(CACHE, Trigger.HTTP, Optional.empty(), Optional.empty(), false),
                com.baselineguard.engine.Result.SKIPPED, "test"));
        assertEquals(1, context.outcomes().size());
        assertEquals(List.of(), warnings(context));
        assertTrue(topic.requests().isEmpty());
    }
}
