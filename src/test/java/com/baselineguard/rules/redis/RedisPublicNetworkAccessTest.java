package com.baselineguard.rules.redis;

import static com.baselineguard.testing.RuleHarness.assertConverges;
import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.Planner;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisPublicNetworkAccessTest {

    private final RedisPublicNetworkAccess rule = new RedisPublicNetworkAccess();

    @Test
    void failsWhenPublicAccessIsEnabledAndFixIsPossibleWithAnApprovedPrivateEndpoint() {
        // The published 2020-06-01 cache has publicNetworkAccess Enabled and one Approved connection.
        ResourceSnapshot cache = Fixtures.snapshot("Microsoft.Cache/redis/2020-06-01_RedisCacheGet.json");
        var plan = assertConverges(rule, cache, RuleSettings.defaults());
        assertEquals(Fixtures.parse("{\"properties\":{\"publicNetworkAccess\":\"Disabled\"}}"), plan.steps().get(0).body());
    }

    @Test
    void failsWhenAbsentBecauseAbsentMeansEnabled() {
        var evaluation = assertStatus(Status.FAIL, rule,
                Fixtures.snapshot("Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json"));
        assertTrue(evaluation.reason().contains("absent means Enabled"), evaluation.reason());
    }

    @Test
    void passesWhenDisabled() {
        assertStatus(Status.PASS, rule, Fixtures.with(Fixtures.snapshot("Microsoft.Cache/redis/2020-06-01_RedisCacheGet.json"),
                "properties.publicNetworkAccess", Fixtures.parse("\"Disabled\"")));
    }

    @Test
    void fixIsBlockedWithoutAnApprovedPrivateEndpoint() {
        ResourceSnapshot noEndpoints = Fixtures.related(
                Fixtures.without(Fixtures.snapshot("Microsoft.Cache/redis/2020-06-01_RedisCacheGet.json"),
                        "properties.privateEndpointConnections"),
                RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS, List.of());
        var evaluation = assertStatus(Status.FAIL, rule, noEndpoints);
        assertTrue(evaluation.fix().orElseThrow().blocked());
        assertTrue(new Planner().plan(noEndpoints, List.of(rule), RuleSettings.defaults()).isEmpty());
    }

    @Test
    void fixIsBlockedWhenTheSnapshotDoesNotShowPrivateEndpoints() {
        ResourceSnapshot unknown = Fixtures.snapshot("Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json");
        var evaluation = assertStatus(Status.FAIL, rule, unknown);
        assertTrue(evaluation.fix().orElseThrow().blockedBy().orElseThrow().contains("cannot be confirmed"));
    }

    @Test
    void fixIsBlockedForVnetInjectedCaches() {
        ResourceSnapshot injected = Fixtures.with(Fixtures.snapshot("Microsoft.Cache/redis/2020-06-01_RedisCacheGet.json"),
                "properties.subnetId", Fixtures.parse(
                        "\"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg2/providers/Microsoft.Network/virtualNetworks/network1/subnets/subnet1\""));
        assertTrue(assertStatus(Status.FAIL, rule, injected).fix().orElseThrow().blocked());
    }
}
