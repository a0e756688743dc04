package com.baselineguard.rules.redis;

import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.rules.Severity;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisRetirementTest {

    private final RedisRetirement rule = new RedisRetirement();

    @Test
    void failsInformationallyOnEveryPublishedCache() {
        for (String fixture : List.of("Microsoft.Cache/redis/2017-10-01_RedisCacheGet.json",
                "Microsoft.Cache/redis/2024-11-01_RedisCacheCreateLatestVersion.json",
                "Microsoft.Cache/redis/2025-08-01-preview_RedisCacheGet.json")) {
            var evaluation = assertStatus(Status.FAIL, rule, Fixtures.snapshot(fixture));
            assertEquals("Azure Cache for Redis (Basic/Standard/Premium) retires 2028-09-30; plan migration to Azure"
                    + " Managed Redis", evaluation.reason());
            assertTrue(evaluation.fix().isEmpty());
        }
        assertEquals(Severity.INFORMATIONAL, rule.metadata().severity());
    }
}
