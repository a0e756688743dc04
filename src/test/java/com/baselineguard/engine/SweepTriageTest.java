package com.baselineguard.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.config.SettingsLoader;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Catalog;
import com.baselineguard.testing.Fixtures;
import com.baselineguard.testing.RedisScenarios;
import com.google.gson.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which Resource Graph rows a sweep queues, decided on the published Redis shapes. */
class SweepTriageTest {

    private static final Catalog CATALOG = Catalog.standard();

    private static boolean queued(Map<String, String> environment, JsonObject row) {
        Evaluator evaluator = new Evaluator(CATALOG, SettingsLoader.load(environment, CATALOG));
        return new SweepTriage(CATALOG, evaluator).queues(evaluator.evaluate(ResourceSnapshot.of(row)));
    }

    private static JsonObject publicCache() {
        return Fixtures.json("Microsoft.Cache/redis/2024-11-01_RedisCacheUpdate.json").getAsJsonObject();
    }

    @Test
    void aRowWithAPlanIsQueued() {
        assertTrue(queued(Map.of(), publicCache()));
    }

    @Test
    void aPublicCacheWithNothingToFixIsQueuedForTheListsItsRulesNeed() {
        // Every rule at most audit: no plan, but REDIS-002/003/004 cannot be decided without the firewall
        // rules and private endpoint connections, which a row does not carry.
        assertTrue(queued(Map.of("BG_MAX_MODE", "audit"), publicCache()));
    }

    @Test
    void aPrivateCacheIsSettledFromItsRow() {
        assertFalse(queued(Map.of("BG_MAX_MODE", "audit"), RedisScenarios.privateCache(RedisScenarios.CACHE)));
    }

    @Test
    void whenTheRulesThatNeedTheListsAreOffTheRowDecides() {
        assertFalse(queued(Map.of("BG_MAX_MODE", "audit", "BG_RULE_MODE_REDIS_002", "off", "BG_RULE_MODE_REDIS_003", "off",
                "BG_RULE_MODE_REDIS_004", "off", "BG_RULE_MODE_REDIS_001", "off"), publicCache()));
    }

    @Test
    void anExemptResourceIsNeverQueued() {
        JsonObject cache = publicCache();
        JsonObject tags = new JsonObject();
        tags.addProperty("baseline-guard-exempt", "*");
        cache.add("tags", tags);
        assertFalse(queued(Map.of(), cache));
    }
}
