package com.baselineguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.testing.Fixtures;
import com.baselineguard.testing.IdsThatCannotExist;
import com.baselineguard.testing.LiveHarness;
import com.baselineguard.testing.RedisScenarios;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** remediate, handle-event and sweep from the command line, against the ARM stand-in. */
class LiveCommandsTest {

    private static final String CACHE = RedisScenarios.CACHE;

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

    @Test
    void remediateCarriesThePlanToItsEndAndPrintsTheFinalOutcome() {
        EvaluateCommandTest.Run run = run("remediate", CACHE, "--format", "json");
        assertEquals(0, run.exit(), run.err());
        JsonObject outcome = run.json();
        assertEquals("audited", outcome.get("result").getAsString(), "safe rules fixed; disruptive ones left to audit");
        assertEquals("cli", outcome.get("trigger").getAsString());
        assertEquals(1, live.patches().size());
        assertEquals(Fixtures.parse("{\"properties\":{\"enableNonSslPort\":false,\"minimumTlsVersion\":\"1.2\"}}"),
                live.patches().get(0).json());
        assertTrue(run.err().lines().filter(l -> l.startsWith("BaselineGuardOutcome ")).count() >= 2,
                "every invocation of the chain is recorded: " + run.err());
    }

    @Test
    void quietKeepsTheOutcomeRecordsOffStandardErrorAndVerboseSaysWhatItWaitsFor() {
        EvaluateCommandTest.Run quiet = run("remediate", CACHE, "--dry-run", "--quiet");
        assertEquals(0, quiet.exit(), quiet.err());
        assertEquals("", quiet.err());
        assertTrue(quiet.out().startsWith("AUDITED"), quiet.out());
        EvaluateCommandTest.Run verbose = run("--verbose", "remediate", CACHE);
        assertEquals(0, verbose.exit(), verbose.err());
        assertTrue(verbose.err().lines().anyMatch(l -> l.startsWith("remediate: waiting 1 s to follow up on " + CACHE + " (the plan was sent; a verification read follows)")),
                verbose.err());
        assertTrue(verbose.err().lines().filter(l -> l.startsWith("BaselineGuardOutcome ")).count() >= 2, verbose.err());
    }

    @Test
    void remediateInDryRunWritesNothing() {
        EvaluateCommandTest.Run run = run("remediate", CACHE, "--dry-run");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("AUDITED"), run.out());
        assertEquals(0, live.patches().size());
        // The retirement notice is guidance: info, never fail.
        assertTrue(run.out().contains("\n  info  REDIS-018 Redis.Retirement: "), run.out());
        assertTrue(run.out().contains("\n  fail  REDIS-006 "), run.out());
    }

    @Test
    void remediateRefusesBadIdsBeforeAnyArmCall() {
        assertEquals(2, run("remediate", "/subscriptions/x/resourceGroups/y/providers/Microsoft.Storage/storageAccounts/z").exit());
        assertEquals(2, run("remediate", "not-an-id").exit());
        assertEquals(0, live.arm.requests().size());
    }

    /** Ids shaped like the stored cache's that no Azure resource can have; the stand-in is never asked. */
    private static final List<String> IDS_THAT_CANNOT_EXIST = IdsThatCannotExist.around(CACHE);

    @Test
    void remediateRefusesIdsThatCannotExistWithExitTwoAndNoArmCall() {
        for (String id : IDS_THAT_CANNOT_EXIST) {
            EvaluateCommandTest.Run run = run("remediate", id);
            assertEquals(2, run.exit(), id);
            assertTrue(run.err().startsWith("error: resource id has "), run.err());
        }
        assertTrue(run("remediate", IDS_THAT_CANNOT_EXIST.get(0)).err().contains("subscription 'subid', which is not a"
                + " subscription id (a GUID)"));
        assertEquals(0, live.arm.requests().size(), "no ARM call, not even a token or a read");
    }

    @Test
    void handleEventSkipsAnEventAboutAnIdThatCannotExistWithoutAnArmCall() throws IOException {
        JsonArray delivery = new JsonArray();
        for (String id : IDS_THAT_CANNOT_EXIST) {
            JsonObject event = Fixtures.json("Microsoft.EventGrid/events/event-grid-schema_resource_write_success.json")
                    .getAsJsonObject();
            event.addProperty("subject", id);
            event.getAsJsonObject("data").addProperty("resourceUri", id);
            delivery.add(event);
        }
        Path file = dir.resolve("event.json");
        Files.writeString(file, delivery.toString());
        EvaluateCommandTest.Run run = run("handle-event", file.toString(), "--format", "json");
        assertEquals(0, run.exit(), run.err());
        JsonArray outcomes = JsonParser.parseString(run.out()).getAsJsonArray();
        assertEquals(IDS_THAT_CANNOT_EXIST.size(), outcomes.size());
        for (var outcome : outcomes) {
            assertEquals("skipped", outcome.getAsJsonObject().get("result").getAsString(), outcome.toString());
            assertTrue(outcome.getAsJsonObject().get("reason").getAsString().contains("is not a resource id: resource id has"),
                    outcome.toString());
        }
        assertEquals(0, live.arm.requests().size());
    }

    @Test
    void remediateOfAResourceThatDoesNotExistExitsThreeSoATypoCannotPassAPipeline() {
        EvaluateCommandTest.Run run = run("remediate", CACHE.replace("cache1", "nothere"));
        assertEquals(ExitCodes.NOT_FOUND, run.exit(), run.err());
        assertEquals(3, run.exit(), "the Azure CLI's code for a missing resource");
        assertTrue(run.out().startsWith("GONE"), run.out());
        EvaluateCommandTest.Run json = run("remediate", CACHE.replace("cache1", "nothere"), "--format", "json");
        assertEquals(3, json.exit());
        assertEquals("gone", json.json().get("result").getAsString());
        assertEquals(0, live.patches().size());
    }

    @Test
    void remediateHelpListsTheMissingResourceExitCode() {
        EvaluateCommandTest.Run help = run("remediate", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("3   the resource does not exist"), help.out());
    }

    @Test
    void aSweepThatMeetsADeletedResourceRecordsItGoneAndSucceeds() {
        // Resource Graph still lists cache2 (its index lags a deletion); the re-read before any write finds it gone.
        JsonObject deleted = Fixtures.json("Microsoft.Cache/redis/2024-11-01_RedisCacheUpdate.json").getAsJsonObject();
        deleted.addProperty("id", CACHE.replace("cache1", "cache2"));
        live.store(deleted);
        live.arm.inject(com.baselineguard.testing.arm.Fault.on("GET", ".*/Redis/cache2").status(404)
                .error("ResourceNotFound", "The Resource 'Microsoft.Cache/Redis/cache2' under resource group 'rg1' was not found.")
                .always());
        EvaluateCommandTest.Run run = run("sweep", "--subscription", "00000000-0000-0000-0000-000000000000", "--format", "json");
        assertEquals(0, run.exit(), run.err());
        List<String> results = run.json().getAsJsonArray("outcomes").asList().stream()
                .map(o -> o.getAsJsonObject().get("resourceId").getAsString().replaceAll(".*/", "") + "="
                        + o.getAsJsonObject().get("result").getAsString())
                .sorted().toList();
        assertEquals(List.of("cache1=audited", "cache2=gone"), results);
    }

    @Test
    void anEventAboutADeletedResourceEndsGoneAndSucceeds() throws IOException {
        String missing = CACHE.replace("cache1", "nothere");
        JsonObject event = Fixtures.json("Microsoft.EventGrid/events/event-grid-schema_resource_write_success.json").getAsJsonObject();
        event.addProperty("subject", missing);
        event.getAsJsonObject("data").addProperty("resourceUri", missing);
        JsonArray delivery = new JsonArray();
        delivery.add(event);
        Path file = dir.resolve("event.json");
        Files.writeString(file, delivery.toString());
        EvaluateCommandTest.Run run = run("handle-event", file.toString(), "--format", "json");
        assertEquals(0, run.exit(), run.err());
        assertEquals("gone", JsonParser.parseString(run.out()).getAsJsonArray().get(0).getAsJsonObject().get("result").getAsString());
    }

    @Test
    void aRefusedWriteExitsOne() {
        live.arm.inject(com.baselineguard.testing.arm.Fault.on("PATCH", ".*").authorizationFailed("Microsoft.Cache/redis/write"));
        EvaluateCommandTest.Run run = run("remediate", CACHE);
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().startsWith("FAILED"), run.out());
    }

    @Test
    void badConnectionSettingsExitTwo() {
        Map<String, String> env = new HashMap<>(live.environment());
        env.put("AZURE_CLOUD", "Mars");
        EvaluateCommandTest.Run run = EvaluateCommandTest.run(env, "remediate", CACHE);
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("AZURE_CLOUD: 'Mars'"), run.err());
        env.put("AZURE_CLOUD", "AzureCloud");
        env.put("AZURE_RESOURCE_MANAGER_ENDPOINT", "http://127.0.0.1:1");
        assertTrue(EvaluateCommandTest.run(env, "remediate", CACHE).err().contains("must be an https:// URL"));
    }

    @Test
    void handleEventProcessesADeliveryAsTheFunctionDoes() throws IOException {
        JsonObject event = Fixtures.json("Microsoft.EventGrid/events/event-grid-schema_resource_write_success.json").getAsJsonObject();
        event.addProperty("subject", CACHE);
        event.getAsJsonObject("data").addProperty("resourceUri", CACHE);
        JsonArray delivery = new JsonArray();
        delivery.add(event);
        delivery.add(Fixtures.json("Microsoft.EventGrid/events/event-grid-schema_resource_write_success.json"));
        Path file = dir.resolve("event.json");
        Files.writeString(file, delivery.toString());
        EvaluateCommandTest.Run run = run("handle-event", file.toString(), "--format", "json");
        assertEquals(0, run.exit(), run.err());
        JsonArray outcomes = JsonParser.parseString(run.out()).getAsJsonArray();
        assertEquals(2, outcomes.size());
        assertEquals("audited", outcomes.get(0).getAsJsonObject().get("result").getAsString());
        assertEquals("skipped", outcomes.get(1).getAsJsonObject().get("result").getAsString());
        assertEquals(1, live.patches().size());
    }

    @Test
    void handleEventRefusesWhatIsNotAnEventDelivery() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"hello\": \"world\"}");
        EvaluateCommandTest.Run run = run("handle-event", file.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("error: " + file), run.err());
        assertEquals(0, live.arm.requests().size());
        assertEquals(2, run("handle-event", dir.resolve("missing.json").toString()).exit());
    }

    @Test
    void handleEventDecidesAnOpenCacheWithItsFirewallRules() throws IOException {
        RedisScenarios.storeOpenCache(live);
        JsonObject event = Fixtures.json("Microsoft.EventGrid/events/event-grid-schema_resource_write_success.json").getAsJsonObject();
        event.addProperty("subject", CACHE);
        event.getAsJsonObject("data").addProperty("resourceUri", CACHE);
        Path file = dir.resolve("event.json");
        Files.writeString(file, event.toString());
        EvaluateCommandTest.Run run = run("handle-event", file.toString(), "--format", "json");
        JsonObject outcome = JsonParser.parseString(run.out()).getAsJsonArray().get(0).getAsJsonObject();
        Map<String, String> statuses = RedisScenarios.statuses(outcome);
        assertEquals("fail", statuses.get("REDIS-002"), run.out());
        assertEquals("fail", statuses.get("REDIS-003"), run.out());
        assertEquals("fail", statuses.get("REDIS-004"), run.out());
        assertTrue(live.arm.requests().stream().filter(r -> r.path().endsWith("/firewallRules")).count() >= 1);
    }

    @Test
    void sweepFindsAndFixesTheNonCompliantResources() {
        live.store(RedisScenarios.privateCache(CACHE.replace("cache1", "cache2")));
        EvaluateCommandTest.Run run = run("sweep", "--subscription", "00000000-0000-0000-0000-000000000000", "--format", "json");
        assertEquals(0, run.exit(), run.err());
        JsonObject result = run.json();
        assertEquals(2, result.getAsJsonObject("summary").get("resources").getAsInt());
        assertEquals(1, result.getAsJsonObject("summary").get("queued").getAsInt());
        assertEquals(1, result.getAsJsonArray("outcomes").size());
        assertEquals(1, live.patches().size());
        assertEquals(2, run("sweep", "--subscription", "not-a-guid").exit());
    }
}
