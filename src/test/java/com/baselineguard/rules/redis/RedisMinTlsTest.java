package com.baselineguard.rules.redis;

import static com.baselineguard.testing.RuleHarness.assertConverges;
import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.baselineguard.engine.RemediationPlan;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import org.junit.jupiter.api.Test;

class RedisMinTlsTest {

    private final RedisMinTls rule = new RedisMinTls();

    @Test
    void passesWhenThePublishedCacheRequiresTls12() {
        assertStatus(Status.PASS, rule, Fixtures.snapshot("Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json"));
    }

    @Test
    void failsWhenAnOlderCacheDoesNotSetAMinimum() {
        var evaluation = assertStatus(Status.FAIL, rule,
                Fixtures.snapshot("Microsoft.Cache/redis/2023-08-01_RedisCacheGet.json"));
        assertEquals("properties.minimumTlsVersion is not set (legacy caches without the property accept TLS 1.0);"
                + " expected \"1.2\"", evaluation.reason());
    }

    @Test
    void failsOnTls10() {
        assertStatus(Status.FAIL, rule, Fixtures.with(Fixtures.snapshot("Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json"),
                "properties.minimumTlsVersion", Fixtures.parse("\"1.0\"")));
    }

    @Test
    void fixSetsTls12() {
        RemediationPlan plan = assertConverges(rule,
                Fixtures.snapshot("Microsoft.Cache/redis/2020-06-01_RedisCacheGet.json"), RuleSettings.defaults());
        assertEquals(Fixtures.parse("{\"properties\":{\"minimumTlsVersion\":\"1.2\"}}"), plan.steps().get(0).body());
    }
}
