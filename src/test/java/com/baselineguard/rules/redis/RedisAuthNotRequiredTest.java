package com.baselineguard.rules.redis;

import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import org.junit.jupiter.api.Test;

class RedisAuthNotRequiredTest {

    private static final String CACHE = "Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json";

    private final RedisAuthNotRequired rule = new RedisAuthNotRequired();

    @Test
    void passesWhenThePublishedCacheDoesNotSetIt() {
        var evaluation = assertStatus(Status.PASS, rule, Fixtures.snapshot(CACHE));
        assertEquals("properties.redisConfiguration.authnotrequired is not set (clients must authenticate)",
                evaluation.reason());
    }

    @Test
    void passesWhenFalse() {
        assertStatus(Status.PASS, rule, Fixtures.with(Fixtures.snapshot(CACHE),
                "properties.redisConfiguration.authnotrequired", Fixtures.parse("\"false\"")));
    }

    @Test
    void failsWhenYes() {
        var evaluation = assertStatus(Status.FAIL, rule, Fixtures.with(Fixtures.snapshot(CACHE),
                "properties.redisConfiguration.authnotrequired", Fixtures.parse("\"yes\"")));
        assertEquals("properties.redisConfiguration.authnotrequired is \"yes\"; expected neither \"true\" nor \"yes\"",
                evaluation.reason());
        assertTrue(evaluation.fix().isEmpty());
    }

    @Test
    void failsWhenTrueInAnyCasing() {
        assertStatus(Status.FAIL, rule, Fixtures.with(Fixtures.snapshot(CACHE),
                "properties.redisConfiguration.authnotrequired", Fixtures.parse("\"True\"")));
    }
}
