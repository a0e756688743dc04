package com.baselineguard.rules.redis;

import static com.baselineguard.testing.RuleHarness.assertConverges;
import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.baselineguard.engine.RemediationPlan;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
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
    void fixUpgradesToVersion6Alone() {
        RemediationPlan plan = assertConverges(rule, Fixtures.snapshot(REDIS_4), RuleSettings.defaults());
        assertEquals(1, plan.steps().size());
        assertEquals(Fixtures.parse("{\"properties\":{\"redisVersion\":\"6\"}}"), plan.steps().get(0).body());
    }
}
