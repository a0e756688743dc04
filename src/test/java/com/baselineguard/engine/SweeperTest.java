package com.baselineguard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.app.Composition;
import com.baselineguard.rules.Catalog;
import com.baselineguard.rules.batch.BatchRules;
import com.baselineguard.rules.redis.RedisRules;
import com.baselineguard.testing.Fixtures;
import com.baselineguard.testing.LiveHarness;
import com.baselineguard.testing.arm.Request;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sweep asks Resource Graph for the resource types the catalog has rules for, no more, no fewer. */
class SweeperTest {

    @Test
    void theStandardCatalogSweepsEveryTypeItHasRulesFor() {
        assertEquals("resources | where type in~ ('microsoft.cache/redis', 'microsoft.cache/redisenterprise',"
                + " 'microsoft.cache/redisenterprise/databases', 'microsoft.batch/batchaccounts',"
                + " 'microsoft.batch/batchaccounts/pools') | project id, name, type, location, tags, properties,"
                + " identity, sku, zones, kind, subscriptionId, resourceGroup | order by id asc",
                Sweeper.query(Catalog.standard()));
    }

    @Test
    void aCatalogWithoutRulesForATypeDoesNotSweepIt() {
        String redisOnly = Sweeper.query(new Catalog(RedisRules.all()));
        assertTrue(redisOnly.startsWith("resources | where type in~ ('microsoft.cache/redis') | project "), redisOnly);
        String accounts = Sweeper.query(new Catalog(BatchRules.all()));
        assertTrue(accounts.startsWith("resources | where type in~ ('microsoft.batch/batchaccounts') | project "),
                accounts);
    }

    @Test
    void theSweepSendsTheCatalogQueryToResourceGraph() {
        try (LiveHarness live = LiveHarness.start()) {
            live.store(Fixtures.json("Microsoft.Cache/redis/2024-11-01_RedisCacheUpdate.json").getAsJsonObject());
            Composition app = live.composition();
            List<WorkItem> queued = new ArrayList<>();
            Sweeper.Summary summary = app.sweeper().sweep(List.of("00000000-0000-0000-0000-000000000000"), List.of(),
                    true, queued::add);
            assertTrue(summary.error().isEmpty(), summary.error().toString());
            Request graph = live.arm.requests().stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
            assertEquals(Sweeper.query(app.catalog()),
                    JsonParser.parseString(graph.body()).getAsJsonObject().get("query").getAsString());
            assertEquals(1, summary.resources());
        }
    }

    @Test
    void theFixesDeclinedOnResourcesNotQueuedAreCountedPerRuleAndFixState() {
        try (LiveHarness live = LiveHarness.start()) {
            String privateId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/"
                    + "Microsoft.Cache/Redis/private1";
            com.google.gson.JsonObject privateCache = com.baselineguard.testing.RedisScenarios.privateCache(privateId);
            live.store(privateCache);
            live.store(Fixtures.json("Microsoft.Cache/redis/2024-11-01_RedisCacheUpdate.json").getAsJsonObject());
            Composition app = live.composition();
            List<WorkItem> queued = new ArrayList<>();
            Sweeper.Summary summary = app.sweeper().sweep(List.of("00000000-0000-0000-0000-000000000000"), List.of(),
                    false, queued::add);
            assertEquals(List.of(Fixtures.json("Microsoft.Cache/redis/2024-11-01_RedisCacheUpdate.json").getAsJsonObject()
                    .get("id").getAsString().toLowerCase(java.util.Locale.ROOT)),
                    queued.stream().map(w -> w.resourceId().toLowerCase(java.util.Locale.ROOT)).toList(),
                    "the public cache goes to a full read; the private one is decided from its row");
            java.util.Map<String, java.util.Map<String, Integer>> expected = new java.util.TreeMap<>();
            for (Finding f : app.evaluator().evaluate(com.baselineguard.model.ResourceSnapshot.of(privateCache)).findings()) {
                if (f.status() == com.baselineguard.rules.Status.FAIL && !f.informational()) {
                    expected.computeIfAbsent(f.rule().id(), k -> new java.util.TreeMap<>())
                            .merge(f.fix().state().label(), 1, Integer::sum);
                }
            }
            assertTrue(!expected.isEmpty(), "the private cache still fails audit-only rules");
            assertEquals(expected, summary.declinedPerRule(), "only the resource not queued is counted");
            assertEquals(new com.google.gson.Gson().toJsonTree(expected), summary.toJson().get("declinedPerRule"));
        }
    }

    private static List<String> queuedIds(LiveHarness live, com.google.gson.JsonObject... resources) {
        for (com.google.gson.JsonObject resource : resources) {
            live.store(resource);
        }
        List<WorkItem> queued = new ArrayList<>();
        live.composition().sweeper().sweep(List.of("00000000-0000-0000-0000-000000000000",
                "12345678-1234-1234-1234-123456789012"), List.of(), true, queued::add);
        return queued.stream().map(WorkItem::resourceId).toList();
    }

    /** The bundled compliant Batch account (samples/), its resource body as Resource Graph returns it. */
    private static com.google.gson.JsonObject compliantSampleAccount() {
        try {
            return JsonParser.parseString(java.nio.file.Files.readString(java.nio.file.Path.of(
                    "samples/batch/contosobatchprod.compliant.envelope.json"))).getAsJsonObject().getAsJsonObject("resource");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void rowsAreQueuedForTheListsTheirRulesNeedOnlyWhenARowCanLackThem() {
        String open = com.baselineguard.testing.RedisScenarios.CACHE;
        String closed = open.replace("cache1", "cache2");
        try (LiveHarness live = LiveHarness.start()) {
            List<String> queued = queuedIds(live,
                    Fixtures.json("Microsoft.Cache/redis/2024-11-01_RedisCacheUpdate.json").getAsJsonObject(),
                    com.baselineguard.testing.RedisScenarios.privateCache(closed), compliantSampleAccount());
            assertEquals(List.of(open), queued, "the public cache needs its firewall rules and private endpoint"
                    + " connections; the private cache needs nothing; the compliant account's certificates (BATCH-011,"
                    + " detect-only) are never in a row and not worth a read per account per sweep");
            assertEquals(0, live.arm.count("GET"), "the sweep itself reads nothing per resource");
        }
    }

    @Test
    void dataNoRowCarriesSendsARowToAFullReadOnlyForAnEnforcedFixThatCanApply() {
        String workspace = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/"
                + "Microsoft.OperationalInsights/workspaces/central";
        String closed = com.baselineguard.testing.RedisScenarios.CACHE.replace("cache1", "cache2");
        try (LiveHarness live = LiveHarness.start()) {
            assertEquals(List.of(), queuedIds(live, com.baselineguard.testing.RedisScenarios.privateCache(closed)),
                    "REDIS-011 cannot send logs anywhere without a workspace");
        }
        try (LiveHarness live = LiveHarness.start().with("BG_DIAGNOSTICS_WORKSPACE_ID", workspace)) {
            assertEquals(List.of(closed), queuedIds(live, com.baselineguard.testing.RedisScenarios.privateCache(closed)));
        }
        try (LiveHarness live = LiveHarness.start().with("BG_DIAGNOSTICS_WORKSPACE_ID", workspace)
                .with("BG_RULE_MODE_REDIS_011", "audit")) {
            assertEquals(List.of(), queuedIds(live, com.baselineguard.testing.RedisScenarios.privateCache(closed)));
        }
    }
}
