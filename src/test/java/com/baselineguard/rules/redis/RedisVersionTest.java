package com.baselineguard.rules.redis;

import static com.baselineguard.testing.RuleHarness.assertConverges;
import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.Planner;
import com.baselineguard.engine.RemediationPlan;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedisVersionTest {

    private static final String REDIS_4 = "Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json";

    private final RedisVersion rule = new RedisVersion();

    @Test
    void passesOnThePublishedRedis6Caches() {
        assertStatus(Status.PASS, rule, Fixtures.snapshot("Microsoft.Cache/redis/2024-11-01_RedisCacheCreateDefaultVersion.json"));
        assertStatus(Status.PASS, rule,
                Fixtures.snapshot("Microsoft.Cache/redis/2024-11-01_RedisCacheCreateAutomaticZonalAllocationPolicy.json"));
    }

    @Test
    void passesOnLatestAndAMajorOnlyVersion() {
        assertStatus(Status.PASS, rule, Fixtures.with(Fixtures.snapshot(REDIS_4), "properties.redisVersion",
                Fixtures.parse("\"Latest\"")));
        assertStatus(Status.PASS, rule, Fixtures.with(Fixtures.snapshot(REDIS_4), "properties.redisVersion",
                Fixtures.parse("\"6\"")));
    }

    @Test
    void failsOnRedis4() {
        var evaluation = assertStatus(Status.FAIL, rule, Fixtures.snapshot(REDIS_4));
        assertEquals("properties.redisVersion is \"4.0.14\"; expected major version 6 or later, or \"latest\"",
                evaluation.reason());
    }

    @Test
    void failsOnTheOldPublished32() {
        assertStatus(Status.FAIL, rule, Fixtures.snapshot("Microsoft.Cache/redis/2020-06-01_RedisCacheGet.json"));
    }

    @Test
    void failsWhenAbsentOrUnreadable() {
        var evaluation = assertStatus(Status.FAIL, rule, Fixtures.without(Fixtures.snapshot(REDIS_4),
                "properties.redisVersion"));
        assertEquals("properties.redisVersion is not set (no version is reported, so version 6 cannot be shown);"
                + " expected major version 6 or later, or \"latest\"", evaluation.reason());
        assertStatus(Status.FAIL, rule, Fixtures.with(Fixtures.snapshot(REDIS_4), "properties.redisVersion",
                Fixtures.parse("\"six\"")));
    }

    @Test
    void theUpgradeIsBlockedWhileThePublishedCacheIsGeoReplicated() {
        // Published GET: Redis 3.2 with one linked server (cache2) in properties.linkedServers.
        ResourceSnapshot linked = Fixtures.snapshot("Microsoft.Cache/redis/2025-08-01-preview_RedisCacheGet.json");
        var evaluation = assertStatus(Status.FAIL, rule, linked);
        assertEquals(Optional.of("properties.linkedServers lists 1 linked cache ('cache2'): upgrading a geo-replicated"
                + " cache isn't supported, so unlink the caches first"), evaluation.fix().orElseThrow().blockedBy());
        assertTrue(new Planner().plan(linked, List.of(rule), RuleSettings.defaults()).isEmpty(), "no PATCH");
    }

    @Test
    void theUpgradeRunsOnceTheCachesAreUnlinked() {
        ResourceSnapshot unlinked = Fixtures.with(
                Fixtures.snapshot("Microsoft.Cache/redis/2025-08-01-preview_RedisCacheGet.json"), "properties.linkedServers",
                Fixtures.parse("[]"));
        RemediationPlan plan = assertConverges(rule, unlinked, RuleSettings.defaults());
        assertEquals(Fixtures.parse("{\"properties\":{\"redisVersion\":\"6\"}}"), plan.steps().get(0).body());
    }

    @Test
    void fixUpgradesToVersion6Alone() {
        RemediationPlan plan = assertConverges(rule, Fixtures.snapshot(REDIS_4), RuleSettings.defaults());
        assertEquals(1, plan.steps().size());
        assertEquals(Fixtures.parse("{\"properties\":{\"redisVersion\":\"6\"}}"), plan.steps().get(0).body());
    }
}
