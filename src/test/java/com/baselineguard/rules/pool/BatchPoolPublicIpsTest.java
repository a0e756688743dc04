package com.baselineguard.rules.pool;

import static com.baselineguard.rules.pool.BatchPoolFixtures.CLOUD_SERVICE;
import static com.baselineguard.rules.pool.BatchPoolFixtures.GALLERY;
import static com.baselineguard.rules.pool.BatchPoolFixtures.NO_PUBLIC_IPS;
import static com.baselineguard.rules.pool.BatchPoolFixtures.PUBLIC_IPS;
import static com.baselineguard.rules.pool.BatchPoolFixtures.pool;
import static com.baselineguard.testing.RuleHarness.assertConverges;
import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.Planner;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPoolPublicIpsTest {

    private static final String SUBNET = "/subscriptions/12345678-1234-1234-1234-123456789012/resourceGroups/rg1234"
            + "/providers/Microsoft.Network/virtualNetworks/network1234/subnets/subnet123";

    private final BatchPoolPublicIps rule = new BatchPoolPublicIps();

    @Test
    void passesWhenThePoolHasNoPublicIpAddresses() {
        var evaluation = assertStatus(Status.PASS, rule, pool(NO_PUBLIC_IPS));
        assertEquals("properties.networkConfiguration.publicIPAddressConfiguration.provision is"
                + " \"NoPublicIPAddresses\"", evaluation.reason());
    }

    @Test
    void failsOnUserManagedPublicIpsAndTheFixReplacesThemKeepingTheSubnet() {
        ResourceSnapshot userManaged = pool(PUBLIC_IPS);
        var evaluation = assertStatus(Status.FAIL, rule, userManaged);
        assertEquals("properties.networkConfiguration.publicIPAddressConfiguration.provision is \"UserManaged\";"
                + " expected NoPublicIPAddresses", evaluation.reason());

        var plan = assertConverges(rule, userManaged, RuleSettings.defaults());
        assertEquals(1, plan.steps().size());
        assertEquals("PATCH", plan.steps().get(0).method());
        assertEquals(Fixtures.parse("{\"properties\":{\"networkConfiguration\":{\"subnetId\":\"" + SUBNET + "\","
                + "\"publicIPAddressConfiguration\":{\"provision\":\"NoPublicIPAddresses\"}}}}"),
                plan.steps().get(0).body());
    }

    @Test
    void failsWhenAbsentBecauseTheDefaultIsBatchManaged() {
        var evaluation = assertStatus(Status.FAIL, rule, pool("2025-06-01_PoolCreate_AcceleratedNetworking.json"));
        assertEquals("properties.networkConfiguration.publicIPAddressConfiguration.provision is not set (absent means"
                + " BatchManaged: Batch gives every node a public IP address); expected NoPublicIPAddresses",
                evaluation.reason());
    }

    @Test
    void fixIsBlockedWhileThePoolHasNodes() {
        // Published Steady with one dedicated node, a subnet and no NAT pools.
        ResourceSnapshot withNode = pool("2025-06-01_PoolCreate_AcceleratedNetworking.json");
        assertEquals("the pool must have zero dedicated and zero low-priority nodes and allocationState Steady before"
                + " this property can change, but properties.currentDedicatedNodes is 1", blocker(withNode));
        assertTrue(new Planner().plan(withNode, List.of(rule), RuleSettings.defaults()).isEmpty());
    }

    @Test
    void fixIsBlockedWhileThePoolIsResizing() {
        // The retired Cloud Services pool has UserManaged public IPs and a subnet, and is Resizing at 0/0.
        assertEquals("the pool must have zero dedicated and zero low-priority nodes and allocationState Steady before"
                + " this property can change, but properties.allocationState is \"Resizing\"",
                blocker(pool(CLOUD_SERVICE)));
    }

    @Test
    void fixIsBlockedWhenANodeCountIsNotInTheSnapshot() {
        ResourceSnapshot unknown = Fixtures.without(pool(PUBLIC_IPS), "properties.currentLowPriorityNodes");
        assertEquals("the pool must have zero dedicated and zero low-priority nodes and allocationState Steady before"
                + " this property can change, but properties.currentLowPriorityNodes is not in the snapshot",
                blocker(unknown));
    }

    @Test
    void fixIsBlockedWithoutASubnet() {
        assertEquals("properties.networkConfiguration.subnetId is not set, and a pool without public IPs needs a subnet"
                + " with an outbound path", blocker(pool(GALLERY)));
    }

    @Test
    void fixIsBlockedByInboundNatPools() {
        // The published list item is Steady at 0/0 with a subnet and an inbound NAT pool.
        ResourceSnapshot listed = Fixtures.list("Microsoft.Batch/batchAccounts/pools/2025-06-01_PoolList.json").get(0);
        assertEquals("properties.networkConfiguration.endpointConfiguration.inboundNatPools is set, which cannot be"
                + " combined with NoPublicIPAddresses", blocker(listed));
    }

    @Test
    void aPoolThatStillReportsClassicCommunicationSaysSoAndIsNotSwitchedOverByTheFix() {
        // The published drained pool with UserManaged public IPs, as a 2025-06-01 GET of a pool created with
        // targetNodeCommunicationMode Classic reports it (NodeCommunicationMode: Default, Classic, Simplified).
        ResourceSnapshot classic = Fixtures.with(Fixtures.with(pool(PUBLIC_IPS), "properties.targetNodeCommunicationMode",
                Fixtures.parse("\"Classic\"")), "properties.currentNodeCommunicationMode", Fixtures.parse("\"Classic\""));
        Evaluation evaluation = assertStatus(Status.FAIL, rule, classic);
        assertEquals("properties.networkConfiguration.publicIPAddressConfiguration.provision is \"UserManaged\"; expected"
                + " NoPublicIPAddresses; properties.targetNodeCommunicationMode is \"Classic\" and"
                + " properties.currentNodeCommunicationMode is \"Classic\": classic compute node communication was retired"
                + " on 2026-03-31, and a pool without public IP addresses requires simplified compute node communication",
                evaluation.reason());
        assertEquals("properties.targetNodeCommunicationMode is \"Classic\"; set it to Simplified by hand first (Baseline"
                + " Guard never sends it: Batch api-version 2026-08-01 no longer has the member)",
                evaluation.fix().orElseThrow().blockedBy().orElseThrow());
        assertTrue(new Planner().plan(classic, List.of(rule), RuleSettings.defaults()).isEmpty());
    }

    @Test
    void aPoolStillRunningClassicNodesIsFixedWithoutSendingTheCommunicationMode() {
        // Target already Simplified, the nodes (none now) last reported Classic: the fix runs and never sends the mode.
        ResourceSnapshot switching = Fixtures.with(Fixtures.with(pool(PUBLIC_IPS), "properties.targetNodeCommunicationMode",
                Fixtures.parse("\"Simplified\"")), "properties.currentNodeCommunicationMode", Fixtures.parse("\"Classic\""));
        Evaluation evaluation = assertStatus(Status.FAIL, rule, switching);
        assertTrue(evaluation.reason().endsWith("; properties.currentNodeCommunicationMode is \"Classic\": classic compute"
                + " node communication was retired on 2026-03-31, and a pool without public IP addresses requires"
                + " simplified compute node communication"), evaluation::reason);
        var plan = assertConverges(rule, switching, RuleSettings.defaults());
        for (var step : plan.steps()) {
            assertFalse(step.body().toString().toLowerCase(java.util.Locale.ROOT).contains("nodecommunicationmode"),
                    step.body()::toString);
        }
    }

    @Test
    void aPoolWithoutPublicIpsThatStillReportsClassicPassesWithTheNote() {
        ResourceSnapshot classic = Fixtures.with(pool(NO_PUBLIC_IPS), "properties.currentNodeCommunicationMode",
                Fixtures.parse("\"Classic\""));
        assertTrue(assertStatus(Status.PASS, rule, classic).reason().contains("classic compute node communication was"
                + " retired on 2026-03-31"));
    }

    private String blocker(ResourceSnapshot pool) {
        Evaluation evaluation = assertStatus(Status.FAIL, rule, pool);
        return evaluation.fix().orElseThrow().blockedBy().orElseThrow();
    }
}
