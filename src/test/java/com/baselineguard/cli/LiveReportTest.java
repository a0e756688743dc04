package com.baselineguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.testing.Fixtures;
import com.baselineguard.testing.LiveHarness;
import com.baselineguard.testing.RedisScenarios;
import com.baselineguard.testing.arm.Fault;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live commands' final report against the ARM stand-in: every change made (verified by the read after it, or
 * said not to be, and why) or declined (and why), in the table and in JSON; and --max-wait and --no-wait holding
 * when a resource stays Updating, a 202's operation never finishes, or ARM asks to retry after the wait would end.
 * BG_FOLLOW_UP_DELAY_SECONDS is 1 and --max-wait a few seconds, so nothing here waits long.
 */
class LiveReportTest {

    private static final String CACHE = RedisScenarios.CACHE;
    private static final String CACHE_PATH = ".*/Redis/cache1";

    @TempDir
    Path dir;

    private LiveHarness live;

    @BeforeEach
    void start() {
        live = LiveHarness.start();
        live.store(Fixtures.json("Microsoft.Cache/redis/2024-11-01_RedisCacheUpdate.json").getAsJsonObject());
    }

    @AfterEach
    void stop() {
        live.close();
    }

    private EvaluateCommandTest.Run run(String... args) {
        return EvaluateCommandTest.run(live.environment(), args);
    }

    /** The outcome records on standard error, in order. */
    private static List<JsonObject> records(EvaluateCommandTest.Run run) {
        return run.err().lines().filter(l -> l.startsWith("BaselineGuardOutcome "))
                .map(l -> JsonParser.parseString(l.substring("BaselineGuardOutcome ".length())).getAsJsonObject()).toList();
    }

    private static Map<String, String> byRule(JsonArray entries, String member) {
        Map<String, String> byRule = new TreeMap<>();
        for (JsonElement e : entries) {
            JsonObject o = e.getAsJsonObject();
            byRule.put(o.get("ruleId").isJsonNull() ? "*" : o.get("ruleId").getAsString(), o.get(member).getAsString());
        }
        return byRule;
    }

    @Test
    void remediateShowsEachChangeFixedAsTheReadAfterItFoundIt() {
        EvaluateCommandTest.Run table = run("remediate", CACHE);
        assertEquals(0, table.exit(), table.err());
        String out = table.out();
        assertTrue(out.startsWith("AUDITED  " + CACHE + "\n"), out);
        assertTrue(out.contains("\n  fixed  REDIS-006 Redis.NonTlsPort: verified by the read after it: properties.enableNonSslPort"
                + " is false\n"), out);
        assertTrue(out.contains("\n  fixed  REDIS-007 Redis.MinTls: verified by the read after it: "), out);
        assertFalse(out.contains("fail  REDIS-006"), "the pre-change finding is not shown: " + out);
        assertTrue(out.contains("\nChanges: 2 (2 fixed)\n  " + CACHE + "\n    fixed  REDIS-006 properties.enableNonSslPort:"
                + " true -> false\n    fixed  REDIS-007 properties.minimumTlsVersion: not set -> \"1.2\"\n"), out);
        assertTrue(out.contains("\n    audit_only  REDIS-001 properties.publicNetworkAccess: not set -> \"Disabled\": mode audit:"),
                out);
        assertTrue(out.contains("\n    blocked  REDIS-011 providers/Microsoft.Insights/diagnosticSettings/baseline-guard: "), out);
        assertTrue(out.contains("\n    no_automatic_fix  REDIS-002: no automatic fix"), out);
        assertFalse(out.contains("stopped waiting"), out);

        live.store(Fixtures.json("Microsoft.Cache/redis/2024-11-01_RedisCacheUpdate.json").getAsJsonObject());
        EvaluateCommandTest.Run json = run("remediate", CACHE, "--format", "json");
        assertEquals(0, json.exit(), json.err());
        JsonObject report = json.json();
        assertEquals("audited", report.get("result").getAsString(), "the record's own fields are unchanged");
        assertEquals(Map.of("REDIS-006", "fixed", "REDIS-007", "fixed"), byRule(report.getAsJsonArray("changes"), "state"));
        JsonObject change = report.getAsJsonArray("changes").get(0).getAsJsonObject();
        assertEquals(CACHE, change.get("resourceId").getAsString());
        assertEquals("properties.enableNonSslPort", change.get("property").getAsString());
        assertEquals(true, change.get("before").getAsBoolean());
        assertEquals(false, change.get("after").getAsBoolean());
        assertEquals("PATCH", change.get("method").getAsString());
        List<JsonObject> records = records(json);
        JsonObject verifying = records.stream().filter(r -> r.get("outcomeId").equals(change.get("verifiedBy"))).findFirst()
                .orElseThrow(() -> new AssertionError("verifiedBy names an outcome record of the run: " + change));
        assertEquals("pass", RedisScenarios.statuses(verifying).get("REDIS-006"), "that record's read found it passing");
        assertTrue(records.indexOf(verifying) > 0, "a read after the change");
        Map<String, String> declined = byRule(report.getAsJsonArray("declined"), "reason");
        assertEquals("audit_only", declined.get("REDIS-001"));
        assertEquals("blocked", declined.get("REDIS-011"));
        assertEquals("no_automatic_fix", declined.get("REDIS-002"));
        assertFalse(declined.containsKey("REDIS-018"), "informational findings are not declined changes");
        assertFalse(declined.containsKey("REDIS-006"));
        assertTrue(report.get("stoppedWaiting").isJsonNull());
        assertEquals(records.size(), report.getAsJsonObject("run").get("invocations").getAsInt(),
                "one outcome record per invocation, the verification read included");
        assertEquals(records.stream().mapToInt(r -> r.get("armCalls").getAsInt()).sum(),
                report.getAsJsonObject("run").get("armCalls").getAsInt());
    }

    @Test
    void aDryRunListsTheChangesItWouldMakeAndSendsNone() {
        EvaluateCommandTest.Run run = run("remediate", CACHE, "--dry-run", "--format", "json");
        assertEquals(0, run.exit(), run.err());
        assertEquals(Map.of("REDIS-006", "would_change", "REDIS-007", "would_change"),
                byRule(run.json().getAsJsonArray("changes"), "state"));
        assertEquals("audit_only", byRule(run.json().getAsJsonArray("declined"), "reason").get("REDIS-001"));
        assertEquals(0, live.patches().size());
        EvaluateCommandTest.Run table = run("remediate", CACHE, "--dry-run");
        assertTrue(table.out().contains("\nChanges: 2 (2 would_change)\n"), table.out());
        assertTrue(table.out().contains("\n    would_change  REDIS-006 properties.enableNonSslPort: true -> false: dry run:"
                + " step 1 PATCH not sent\n"), table.out());
    }

    @Test
    void aResourceThatStaysUpdatingIsNotWaitedForPastMaxWaitAndTheChangeIsSaidToBeUnverified() {
        live.arm.settleAfterGets(CACHE, 1_000);
        Instant started = Instant.now();
        EvaluateCommandTest.Run run = run("remediate", CACHE, "--max-wait", "3", "--format", "json");
        assertEquals(1, run.exit(), "a change not verified within --max-wait: " + run.err());
        JsonObject report = run.json();
        assertEquals(Map.of("REDIS-006", "not_verified", "REDIS-007", "not_verified"),
                byRule(report.getAsJsonArray("changes"), "state"));
        String detail = report.getAsJsonArray("changes").get(0).getAsJsonObject().get("detail").getAsString();
        assertTrue(detail.contains("the last read: provisioningState is Updating; waiting for it to settle"), detail);
        JsonObject stopped = report.getAsJsonObject("stoppedWaiting");
        assertEquals("--max-wait", stopped.get("option").getAsString());
        assertEquals(3, stopped.get("maxWaitSeconds").getAsInt());
        assertTrue(Instant.parse(stopped.get("nextDue").getAsString()).isAfter(started.plusSeconds(3)),
                "what was not waited for was due after --max-wait");
        assertEquals("baseline-guard remediate " + CACHE, stopped.get("resume").getAsString());
        assertTrue(stopped.get("operation").isJsonNull(), "a PATCH answered 200 runs no operation");
        long gets = live.arm.requests().stream().filter(r -> r.method().equals("GET") && r.path().endsWith("/cache1")).count();
        assertTrue(gets >= 2 && gets <= 5, "one read per second of --max-wait, then no more: " + gets);
        assertTrue(run.err().contains("remediate: " + CACHE + ": stopped waiting: --max-wait 3 s ends before the next"
                + " invocation is due"), run.err());
    }

    @Test
    void aLongRunningOperationThatNeverFinishesIsReportedWithItsUrlAndHowToResume() {
        // The stand-in's operation finishes only when polled; Baseline Guard never polls it, so the cache stays Updating.
        live.arm.patchAsynchronously(CACHE, 1_000);
        EvaluateCommandTest.Run run = run("remediate", CACHE, "--max-wait", "2");
        assertEquals(1, run.exit(), run.err());
        String out = run.out();
        String operation = live.arm.endpoint() + "/operations/";
        assertTrue(out.contains("\n  not_verified  REDIS-006 Redis.NonTlsPort: not verified yet: ARM accepted it as a"
                + " long-running operation (" + operation), out);
        assertTrue(out.contains("\n  stopped waiting: --max-wait 2 s ends before the next invocation is due ("), out);
        assertTrue(out.contains("\n  operation: " + operation), out);
        assertTrue(out.contains("\n  to resume: baseline-guard remediate " + CACHE + "  (safe to repeat: "), out);
        assertTrue(out.contains("\nChanges: 2 (2 not_verified)\n"), out);
        assertEquals(0, live.arm.requests().stream().filter(r -> r.path().startsWith("/operations/")).count(),
                "the operation is reported, never polled");

        EvaluateCommandTest.Run json = run("remediate", CACHE, "--max-wait", "0", "--format", "json");
        assertEquals(1, json.exit());
        assertEquals("deferred", json.json().get("result").getAsString(), "still updating: " + json.out());
        assertTrue(json.json().getAsJsonArray("changes").isEmpty(), "the second run changed nothing");
    }

    @Test
    void aRetryAfterBeyondMaxWaitIsNotWaitedAndTheStepIsReportedNotSent() {
        live.arm.inject(Fault.on("PATCH", CACHE_PATH).throttled(60).always());
        long started = System.nanoTime();
        EvaluateCommandTest.Run run = run("remediate", CACHE, "--max-wait", "5", "--format", "json");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(1, run.exit(), run.err());
        assertTrue(tookMillis < 20_000, "the 60 s Retry-After is not waited: " + tookMillis + " ms");
        assertEquals(1, live.patches().size());
        JsonObject report = run.json();
        assertEquals("deferred", report.get("result").getAsString());
        assertTrue(report.getAsJsonArray("changes").isEmpty());
        JsonObject declined = report.getAsJsonArray("declined").get(0).getAsJsonObject();
        assertEquals("not_sent", declined.get("reason").getAsString());
        assertTrue(declined.get("detail").getAsString().contains("TooManyRequests"), declined.toString());
        JsonObject stopped = report.getAsJsonObject("stoppedWaiting");
        assertTrue(stopped.get("waitingFor").getAsString().contains("ARM answered 429"), stopped.toString());
        assertTrue(Instant.parse(stopped.get("nextDue").getAsString()).isAfter(Instant.now().plusSeconds(40)),
                "the next attempt is due when ARM asked: " + stopped);
    }

    @Test
    void aRetryAfterTheRequestsOwnRetryWouldWaitIsNotWaitedPastMaxWaitEither() {
        // ArmRetryPolicy waits up to 10 s per Retry-After within an invocation; --max-wait 1 is shorter.
        live.arm.inject(Fault.on("PATCH", CACHE_PATH).throttled(4).times(1));
        long started = System.nanoTime();
        EvaluateCommandTest.Run run = run("remediate", CACHE, "--max-wait", "1", "--format", "json");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(1, run.exit(), run.err());
        assertEquals(1, live.patches().size(), "no retry: its wait would end after --max-wait");
        assertTrue(tookMillis < 4_000, "took " + tookMillis + " ms");
        assertFalse(run.json().get("stoppedWaiting").isJsonNull());
    }

    @Test
    void noWaitSendsTheFirstStepAndReturnsAsAzNoWaitDoes() {
        EvaluateCommandTest.Run run = run("remediate", CACHE, "--no-wait", "--format", "json");
        assertEquals(0, run.exit(), "sent and accepted, not waited for: " + run.err());
        JsonObject report = run.json();
        assertEquals("remediated", report.get("result").getAsString());
        assertEquals(1, records(run).size(), "one invocation");
        assertEquals(Map.of("REDIS-006", "not_verified", "REDIS-007", "not_verified"),
                byRule(report.getAsJsonArray("changes"), "state"));
        assertEquals("--no-wait", report.getAsJsonObject("stoppedWaiting").get("option").getAsString());
        assertTrue(report.getAsJsonObject("stoppedWaiting").get("maxWaitSeconds").isJsonNull());

        assertEquals(2, run("remediate", CACHE, "--no-wait", "--max-wait", "5").exit());
        EvaluateCommandTest.Run negative = run("remediate", CACHE, "--max-wait", "-1");
        assertEquals(2, negative.exit());
        assertTrue(negative.err().contains("--max-wait must not be negative"), negative.err());
    }

    @Test
    void aWriteArmRefusesIsDeclinedWithArmsReason() {
        live.arm.inject(Fault.on("PATCH", ".*").authorizationFailed("Microsoft.Cache/redis/write"));
        EvaluateCommandTest.Run run = run("remediate", CACHE, "--format", "json");
        assertEquals(1, run.exit());
        JsonArray declined = run.json().getAsJsonArray("declined");
        Map<String, String> reasons = byRule(declined, "reason");
        assertEquals("refused", reasons.get("REDIS-006"));
        assertEquals("refused", reasons.get("REDIS-007"));
        assertTrue(byRule(declined, "detail").get("REDIS-006").startsWith("AuthorizationFailed: "), declined.toString());
        assertTrue(run.json().getAsJsonArray("changes").isEmpty());
    }

    @Test
    void rulesTheExemptionTagNamesAreDeclinedAsExempt() {
        JsonObject tagged = Fixtures.json("Microsoft.Cache/redis/2024-11-01_RedisCacheUpdate.json").getAsJsonObject();
        JsonObject tags = new JsonObject();
        tags.addProperty("baseline-guard-exempt", "REDIS-006");
        tagged.add("tags", tags);
        live.store(tagged);
        EvaluateCommandTest.Run run = run("remediate", CACHE, "--format", "json");
        assertEquals(0, run.exit(), run.err());
        assertEquals(Map.of("REDIS-007", "fixed"), byRule(run.json().getAsJsonArray("changes"), "state"));
        assertEquals("exempt", byRule(run.json().getAsJsonArray("declined"), "reason").get("REDIS-006"));

        tags.addProperty("baseline-guard-exempt", "all");
        live.store(tagged);
        EvaluateCommandTest.Run all = run("remediate", CACHE, "--format", "json");
        assertEquals("skipped", all.json().get("result").getAsString());
        assertEquals(Map.of("*", "exempt"), byRule(all.json().getAsJsonArray("declined"), "reason"));
    }

    @Test
    void sweepReportsTheChangesOfEveryResourceItWorkedOnAndCountsTheRest() {
        live.store(RedisScenarios.privateCache(CACHE.replace("cache1", "cache2")));
        EvaluateCommandTest.Run json = run("sweep", "--subscription", "00000000-0000-0000-0000-000000000000", "--format", "json");
        assertEquals(0, json.exit(), json.err());
        JsonObject outcome = json.json().getAsJsonArray("outcomes").get(0).getAsJsonObject();
        assertEquals(Map.of("REDIS-006", "fixed", "REDIS-007", "fixed"), byRule(outcome.getAsJsonArray("changes"), "state"));
        assertTrue(json.json().getAsJsonObject("summary").getAsJsonObject("declinedPerRule").size() > 0,
                "the private cache was decided from its row: " + json.out());

        live.store(Fixtures.json("Microsoft.Cache/redis/2024-11-01_RedisCacheUpdate.json").getAsJsonObject());
        EvaluateCommandTest.Run table = run("sweep", "--subscription", "00000000-0000-0000-0000-000000000000");
        assertTrue(table.out().contains("\nChanges: 2 (2 fixed)\n  " + CACHE + "\n"), table.out());
        assertTrue(table.out().contains("\nDeclined on resources not queued (from their Resource Graph rows;"), table.out());
    }

    @Test
    void handleEventReportsTheChangeTheEventsOwnInvocationMadeAsFixed() throws Exception {
        JsonObject event = Fixtures.json("Microsoft.EventGrid/events/event-grid-schema_resource_write_success.json")
                .getAsJsonObject();
        event.addProperty("subject", CACHE);
        event.getAsJsonObject("data").addProperty("resourceUri", CACHE);
        Path file = dir.resolve("event.json");
        Files.writeString(file, event.toString());
        EvaluateCommandTest.Run run = run("handle-event", file.toString(), "--format", "json");
        assertEquals(0, run.exit(), run.err());
        JsonObject outcome = JsonParser.parseString(run.out()).getAsJsonArray().get(0).getAsJsonObject();
        assertEquals(Map.of("REDIS-006", "fixed", "REDIS-007", "fixed"), byRule(outcome.getAsJsonArray("changes"), "state"));
        assertEquals("event", outcome.get("trigger").getAsString());
    }

    @Test
    void anEventsOwnInvocationWaitsNoLongerThanMaxWaitEither() throws Exception {
        live.arm.inject(Fault.on("PATCH", CACHE_PATH).throttled(4).times(1));
        JsonObject event = Fixtures.json("Microsoft.EventGrid/events/event-grid-schema_resource_write_success.json")
                .getAsJsonObject();
        event.addProperty("subject", CACHE);
        event.getAsJsonObject("data").addProperty("resourceUri", CACHE);
        JsonArray delivery = new JsonArray();
        delivery.add(event);
        delivery.add(Fixtures.json("Microsoft.EventGrid/events/event-grid-schema_resource_write_success.json"));
        Path file = dir.resolve("event.json");
        Files.writeString(file, delivery.toString());
        EvaluateCommandTest.Run run = run("handle-event", file.toString(), "--max-wait", "1", "--format", "json");
        assertEquals(1, run.exit(), run.err());
        assertEquals(1, live.patches().size(), "the 4 s Retry-After is past --max-wait: not retried within the request");
        JsonArray outcomes = JsonParser.parseString(run.out()).getAsJsonArray();
        assertEquals("deferred", outcomes.get(0).getAsJsonObject().get("result").getAsString());
        assertFalse(outcomes.get(0).getAsJsonObject().get("stoppedWaiting").isJsonNull());
        assertEquals("skipped", outcomes.get(1).getAsJsonObject().get("result").getAsString());
        assertTrue(outcomes.get(1).getAsJsonObject().get("stoppedWaiting").isJsonNull());
        assertEquals(2, records(run).size(), "one record per event: the skipped one decided without an invocation");
    }

    @Test
    void aSweepsResourceGraphPagesWaitNoLongerThanMaxWaitForARetryAfter() {
        String graph = "/providers/Microsoft.ResourceGraph/resources";
        live.arm.inject(Fault.on("POST", graph).throttled(4).times(1));
        EvaluateCommandTest.Run bounded = run("sweep", "--subscription", "00000000-0000-0000-0000-000000000000",
                "--max-wait", "1", "--format", "json");
        assertEquals(1, bounded.exit(), bounded.err());
        assertEquals("failed", bounded.json().getAsJsonObject("summary").get("result").getAsString());
        assertTrue(bounded.json().getAsJsonObject("summary").get("reason").getAsString().startsWith("Resource Graph answered 429"),
                bounded.out());
        assertEquals(1, live.arm.count("POST"), "not retried: the 4 s wait would end after --max-wait");

        live.arm.inject(Fault.on("POST", graph).throttled(4).times(1));
        EvaluateCommandTest.Run waited = run("sweep", "--subscription", "00000000-0000-0000-0000-000000000000",
                "--format", "json");
        assertEquals(0, waited.exit(), waited.err());
        assertEquals(3, live.arm.count("POST"), "within the default --max-wait the 4 s Retry-After is waited out");
    }

    @Test
    void maxWaitIsPerResourceAndDocumentedInTheHelp() {
        EvaluateCommandTest.Run help = run("remediate", "--help");
        assertTrue(help.out().contains("--max-wait=SECONDS"), help.out());
        assertTrue(help.out().contains("--no-wait"), help.out());
    }
}
