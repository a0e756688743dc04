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

class RedisNonTlsPortTest {

    private final RedisNonTlsPort rule = new RedisNonTlsPort();

    @Test
    void passesWhenThePublishedCacheHasTheNonTlsPortOff() {
        assertStatus(Status.PASS, rule, Fixtures.snapshot("Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json"));
    }

    @Test
    void failsWhenThePublishedCacheHasTheNonTlsPortOn() {
        var evaluation = assertStatus(Status.FAIL, rule,
                Fixtures.snapshot("Microsoft.Cache/redis/2024-11-01_RedisCacheUpdate.json"));
        assertEquals("properties.enableNonSslPort is true; expected false", evaluation.reason());
    }

    @Test
    void failsOnTheOldestApiVersionToo() {
        assertStatus(Status.FAIL, rule, Fixtures.snapshot("Microsoft.Cache/redis/2017-10-01_RedisCacheGet.json"));
    }

    @Test
    void passesWhenThePropertyIsAbsentBecauseTheDefaultIsFalse() {
        ResourceSnapshot absent = Fixtures.without(
                Fixtures.snapshot("Microsoft.Cache/redis/2024-11-01_RedisCacheUpdate.json"), "properties.enableNonSslPort");
        assertStatus(Status.PASS, rule, absent);
    }

    @Test
    void failsWhenTheValueComesAsAString() {
        ResourceSnapshot stringly = Fixtures.with(Fixtures.snapshot("Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json"),
                "properties.enableNonSslPort", Fixtures.parse("\"True\""));
        assertStatus(Status.FAIL, rule, stringly);
    }

    @Test
    void fixPatchesOnlyTheNonTlsPort() {
        RemediationPlan plan = assertConverges(rule,
                Fixtures.snapshot("Microsoft.Cache/redis/2024-11-01_RedisCacheUpdate.json"), RuleSettings.defaults());
        assertEquals(1, plan.steps().size());
        assertEquals("PATCH", plan.steps().get(0).method());
        assertEquals(Fixtures.parse("{\"properties\":{\"enableNonSslPort\":false}}"), plan.steps().get(0).body());
    }
}
