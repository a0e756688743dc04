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

class RedisLocalAuthTest {

    private static final String REDIS_6 = "Microsoft.Cache/redis/2024-11-01_RedisCacheCreateDefaultVersion.json";

    private final RedisLocalAuth rule = new RedisLocalAuth();

    private static ResourceSnapshot entraEnabled() {
        return Fixtures.with(Fixtures.snapshot(REDIS_6), "properties.redisConfiguration.aad-enabled",
                Fixtures.parse("\"true\""));
    }

    @Test
    void passesWhenAccessKeysAreDisabled() {
        assertStatus(Status.PASS, rule, Fixtures.with(entraEnabled(), "properties.disableAccessKeyAuthentication",
                Fixtures.parse("true")));
    }

    @Test
    void failsWhenAbsentBecauseTheDefaultIsFalse() {
        var evaluation = assertStatus(Status.FAIL, rule, Fixtures.snapshot(REDIS_6));
        assertEquals("properties.disableAccessKeyAuthentication is not set (absent means false, so access keys work;"
                + " policy 3827af20 would not flag absent); expected true", evaluation.reason());
    }

    @Test
    void failsWhenFalse() {
        assertStatus(Status.FAIL, rule, Fixtures.with(entraEnabled(), "properties.disableAccessKeyAuthentication",
                Fixtures.parse("false")));
    }

    @Test
    void fixDisablesAccessKeysOnceEntraIsOn() {
        RemediationPlan plan = assertConverges(rule, entraEnabled(), RuleSettings.defaults());
        assertEquals(Fixtures.parse("{\"properties\":{\"disableAccessKeyAuthentication\":true}}"),
                plan.steps().get(0).body());
    }

    @Test
    void fixIsBlockedUntilEntraAuthenticationIsOn() {
        ResourceSnapshot cache = Fixtures.snapshot(REDIS_6);
        var evaluation = assertStatus(Status.FAIL, rule, cache);
        assertEquals(Optional.of("properties.redisConfiguration.aad-enabled is not \"true\"; turning access keys off"
                + " before Microsoft Entra authentication is on would lock every client out (REDIS-008)"),
                evaluation.fix().orElseThrow().blockedBy());
        assertTrue(new Planner().plan(cache, List.of(rule), RuleSettings.defaults()).isEmpty());
    }
}
