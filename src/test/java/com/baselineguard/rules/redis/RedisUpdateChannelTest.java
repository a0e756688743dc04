package com.baselineguard.rules.redis;

import static com.baselineguard.testing.RuleHarness.assertConverges;
import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.baselineguard.engine.RemediationPlan;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import org.junit.jupiter.api.Test;

class RedisUpdateChannelTest {

    private static final String STABLE = "Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json";

    private final RedisUpdateChannel rule = new RedisUpdateChannel();

    private static ResourceSnapshot preview() {
        return Fixtures.with(Fixtures.snapshot(STABLE), "properties.updateChannel", Fixtures.parse("\"Preview\""));
    }

    @Test
    void passesOnThePublishedStableCache() {
        assertStatus(Status.PASS, rule, Fixtures.snapshot(STABLE));
    }

    @Test
    void passesWhenAbsentBecauseTheDefaultIsStable() {
        var evaluation = assertStatus(Status.PASS, rule, Fixtures.snapshot("Microsoft.Cache/redis/2020-06-01_RedisCacheGet.json"));
        assertEquals("properties.updateChannel is not set (absent means Stable, the default)", evaluation.reason());
    }

    @Test
    void failsOnPreview() {
        var evaluation = assertStatus(Status.FAIL, rule, preview());
        assertEquals("properties.updateChannel is \"Preview\"; expected Stable", evaluation.reason());
    }

    @Test
    void fixSetsStable() {
        RemediationPlan plan = assertConverges(rule, preview(), RuleSettings.defaults());
        assertEquals(Fixtures.parse("{\"properties\":{\"updateChannel\":\"Stable\"}}"), plan.steps().get(0).body());
    }
}
