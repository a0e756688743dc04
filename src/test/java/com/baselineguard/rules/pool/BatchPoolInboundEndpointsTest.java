package com.baselineguard.rules.pool;

import static com.baselineguard.rules.pool.BatchPoolFixtures.NO_PUBLIC_IPS;
import static com.baselineguard.rules.pool.BatchPoolFixtures.POOL_GET;
import static com.baselineguard.rules.pool.BatchPoolFixtures.pool;
import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.model.JsonPath;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class BatchPoolInboundEndpointsTest {

    private static final String NAT_POOLS = "properties.networkConfiguration.endpointConfiguration.inboundNatPools";

    private final BatchPoolInboundEndpoints rule = new BatchPoolInboundEndpoints();

    @Test
    void passesWhenThePoolPublishesNoNodePorts() {
        var evaluation = assertStatus(Status.PASS, rule, pool(NO_PUBLIC_IPS));
        assertEquals(NAT_POOLS + " is not set, so no node port is published", evaluation.reason());
    }

    @Test
    void passesWhenTheNatPoolAllowsOneAddressAndDeniesTheRest() {
        var evaluation = assertStatus(Status.PASS, rule, pool(POOL_GET));
        assertEquals("every inbound NAT pool allows only specific sources: NAT pool 'testnat' to backendPort 12001",
                evaluation.reason());
    }

    @Test
    void failsWhenSshIsOpenToAnySource() {
        var evaluation = assertStatus(Status.FAIL, rule, pool("2025-06-01_PoolCreate_DualStackNetworking.json"));
        assertEquals("inbound NAT endpoints are open to any source: NAT pool 'sshpool' to backendPort 22 (SSH) allows"
                + " sourceAddressPrefix \"*\" (priority 1000)", evaluation.reason());
        assertTrue(evaluation.fix().isEmpty(), "detect only");
    }

    @Test
    void failsWhenANatPoolHasNoRulesBecauseTheDefaultRuleAllowsEverything() {
        ResourceSnapshot noRules = natPoolVariant(natPool -> natPool.remove("networkSecurityGroupRules"));
        var evaluation = assertStatus(Status.FAIL, rule, noRules);
        assertEquals("inbound NAT endpoints are open to any source: NAT pool 'testnat' to backendPort 12001 has no"
                + " networkSecurityGroupRules, so Batch's default rule allows any source", evaluation.reason());
    }

    @Test
    void failsWhenRdpIsAllowedFromTheInternetTag() {
        ResourceSnapshot rdp = natPoolVariant(natPool -> {
            natPool.addProperty("backendPort", 3389);
            natPool.getAsJsonArray("networkSecurityGroupRules").get(0).getAsJsonObject()
                    .addProperty("sourceAddressPrefix", "Internet");
        });
        var evaluation = assertStatus(Status.FAIL, rule, rdp);
        assertEquals("inbound NAT endpoints are open to any source: NAT pool 'testnat' to backendPort 3389 (RDP) allows"
                + " sourceAddressPrefix \"Internet\" (priority 150)", evaluation.reason());
    }

    @Test
    void passesWhenTheOnlyAnySourceRuleDenies() {
        // PoolGet's second rule is Deny from "*": a Deny never opens the port.
        ResourceSnapshot denyOnly = natPoolVariant(natPool -> natPool.getAsJsonArray("networkSecurityGroupRules").remove(0));
        assertStatus(Status.PASS, rule, denyOnly);
    }

    /** PoolGet with its one NAT pool changed. */
    private static ResourceSnapshot natPoolVariant(Consumer<JsonObject> change) {
        ResourceSnapshot original = pool(POOL_GET);
        JsonArray natPools = JsonPath.of(NAT_POOLS).readArray(original.resource()).orElseThrow().deepCopy();
        change.accept(natPools.get(0).getAsJsonObject());
        return Fixtures.with(original, NAT_POOLS, natPools);
    }
}
