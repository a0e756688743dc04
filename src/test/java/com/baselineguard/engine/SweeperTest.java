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
}
