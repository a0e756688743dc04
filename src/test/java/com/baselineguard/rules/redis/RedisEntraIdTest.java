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

class RedisEntraIdTest {

    private static final String REDIS_6 = "Microsoft.Cache/redis/2024-11-01_RedisCacheCreateDefaultVersion.json";
    private static final String REDIS_4 = "Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json";

    private final RedisEntraId rule = new RedisEntraId();

    @Test
    void passesWhenAadEnabledIsTrueInAnyCasing() {
        assertStatus(Status.PASS, rule, Fixtures.with(Fixtures.snapshot(REDIS_6),
                "properties.redisConfiguration.aad-enabled", Fixtures.parse("\"True\"")));
    }

    @Test
    void failsWhenThePublishedCacheDoesNotSetIt() {
        var evaluation = assertStatus(Status.FAIL, rule, Fixtures.snapshot(REDIS_6));
        assertEquals("properties.redisConfiguration.aad-enabled is not set (Entra authentication is off unless enabled);"
                + " expected \"true\"", evaluation.reason());
    }

    @Test
    void failsWhenFalse() {
        assertStatus(Status.FAIL, rule, Fixtures.with(Fixtures.snapshot(REDIS_6),
                "properties.redisConfiguration.aad-enabled", Fixtures.parse("\"false\"")));
    }

    @Test
    void fixSetsOnlyAadEnabledAndKeepsTheOtherConfiguration() {
        ResourceSnapshot cache = Fixtures.snapshot(REDIS_6);
        RemediationPlan plan = assertConverges(rule, cache, RuleSettings.defaults());
        assertEquals(1, plan.steps().size());
        assertEquals(Fixtures.parse("{\"properties\":{\"redisConfiguration\":{\"aad-enabled\":\"true\"}}}"),
                plan.steps().get(0).body());
        assertEquals(Optional.of("1000"),
                Planner.applyAll(cache, plan).string("properties.redisConfiguration.maxclients"));
    }

    @Test
    void fixIsAllowedOnLatest() {
        assertConverges(rule, Fixtures.with(Fixtures.snapshot(REDIS_4), "properties.redisVersion",
                Fixtures.parse("\"latest\"")), RuleSettings.defaults());
    }

    @Test
    void fixIsBlockedOnRedis4() {
        ResourceSnapshot cache = Fixtures.snapshot(REDIS_4);
        var evaluation = assertStatus(Status.FAIL, rule, cache);
        assertEquals(Optional.of("properties.redisVersion is \"4.0.14\"; Microsoft Entra authentication needs Redis 6"
                + " or later (REDIS-014)"), evaluation.fix().orElseThrow().blockedBy());
        assertTrue(new Planner().plan(cache, List.of(rule), RuleSettings.defaults()).isEmpty());
    }
}
