package com.baselineguard.rules.redis;

import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import org.junit.jupiter.api.Test;

class RedisVnetInjectionTest {

    private final RedisVnetInjection rule = new RedisVnetInjection();

    @Test
    void passesWhenThePublishedCacheIsNotVnetInjected() {
        var evaluation = assertStatus(Status.PASS, rule,
                Fixtures.snapshot("Microsoft.Cache/redis/2020-06-01_RedisCacheGet.json"));
        assertEquals("properties.subnetId is not set (the cache is not VNet-injected; Private Link is the recommended"
                + " model)", evaluation.reason());
    }

    @Test
    void failsInformationallyWhenTheCacheIsVnetInjected() {
        // The 2024-11-01 create request carried this subnetId; the published response omits it.
        var injected = Fixtures.with(Fixtures.snapshot("Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json"),
                "properties.subnetId", Fixtures.parse(
                        "\"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg2/providers/Microsoft.Network/virtualNetworks/network1/subnets/subnet1\""));
        var evaluation = assertStatus(Status.FAIL, rule, injected);
        assertEquals("properties.subnetId is set: the cache uses VNet injection, a legacy create-only network model;"
                + " migrate to a new cache with Private Link", evaluation.reason());
        assertTrue(evaluation.fix().isEmpty());
    }
}
