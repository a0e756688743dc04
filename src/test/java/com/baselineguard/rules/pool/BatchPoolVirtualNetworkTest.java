package com.baselineguard.rules.pool;

import static com.baselineguard.rules.pool.BatchPoolFixtures.GALLERY;
import static com.baselineguard.rules.pool.BatchPoolFixtures.POOL_GET;
import static com.baselineguard.rules.pool.BatchPoolFixtures.pool;
import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.rules.Status;
import org.junit.jupiter.api.Test;

class BatchPoolVirtualNetworkTest {

    private final BatchPoolVirtualNetwork rule = new BatchPoolVirtualNetwork();

    @Test
    void passesWhenThePublishedPoolHasASubnet() {
        var evaluation = assertStatus(Status.PASS, rule, pool(POOL_GET));
        // Long values are shortened in reasons.
        assertTrue(evaluation.reason().startsWith("properties.networkConfiguration.subnetId is \"/subscriptions/"),
                evaluation.reason());
    }

    @Test
    void failsWhenTheNetworkConfigurationHasNoSubnet() {
        // Published with networkConfiguration (accelerated networking) but no subnetId.
        var evaluation = assertStatus(Status.FAIL, rule, pool("2025-06-01_PoolGet_AcceleratedNetworking.json"));
        assertEquals("properties.networkConfiguration.subnetId is not set (nodes use Batch-managed networking outside"
                + " any customer virtual network); expected a subnet resource id", evaluation.reason());
        assertTrue(evaluation.fix().isEmpty(), "detect only");
    }

    @Test
    void failsWhenThePoolHasNoNetworkConfigurationAtAll() {
        assertStatus(Status.FAIL, rule, pool(GALLERY));
    }

    @Test
    void passesOnTheRetiredCloudServicesShapeWithASubnet() {
        assertStatus(Status.PASS, rule, pool(BatchPoolFixtures.CLOUD_SERVICE));
    }
}
