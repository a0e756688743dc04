package com.baselineguard.rules.redisenterprise;

import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import org.junit.jupiter.api.Test;

class RedisEnterpriseZoneRedundancyTest {

    private final RedisEnterpriseZoneRedundancy rule = new RedisEnterpriseZoneRedundancy();

    @Test
    void passesOnThePublishedClusterInThreeZones() {
        assertEquals("the cluster is in zones 1, 2, 3",
                assertStatus(Status.PASS, rule, Clusters.of(Clusters.CREATED)).reason());
    }

    @Test
    void failsOnThePublishedListedClusterWithoutZones() {
        assertEquals("no zones are listed and properties.redundancyMode is not set; expected zones 1, 2 and 3 or"
                + " redundancyMode \"ZR\"", assertStatus(Status.FAIL, rule, Clusters.first(Clusters.LIST)).reason());
    }

    @Test
    void failsInOneZoneWithLocalRedundancy() {
        var cluster = Fixtures.with(Fixtures.with(Clusters.of(Clusters.CREATED), "zones", Fixtures.parse("[\"1\"]")),
                "properties.redundancyMode", Fixtures.parse("\"LR\""));
        assertEquals("the cluster is in zones 1 and properties.redundancyMode is \"LR\"; expected zones 1, 2 and 3 or"
                + " redundancyMode \"ZR\"", assertStatus(Status.FAIL, rule, cluster).reason());
    }

    @Test
    void passesOnAnAzureManagedRedisClusterReportingZoneRedundancy() {
        // AMR clusters list no zones; the 2025-07-01 spec reports placement in the read-only redundancyMode.
        var amr = Fixtures.with(Clusters.first(Clusters.LIST), "properties.redundancyMode", Fixtures.parse("\"ZR\""));
        assertEquals("properties.redundancyMode is \"ZR\" (zone redundant)", assertStatus(Status.PASS, rule, amr).reason());
    }
}
