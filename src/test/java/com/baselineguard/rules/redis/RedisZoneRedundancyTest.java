package com.baselineguard.rules.redis;

import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import org.junit.jupiter.api.Test;

class RedisZoneRedundancyTest {

    private static final String ONE_ZONE = "Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json";

    private final RedisZoneRedundancy rule = new RedisZoneRedundancy();

    @Test
    void passesWithAutomaticZonalAllocation() {
        var evaluation = assertStatus(Status.PASS, rule,
                Fixtures.snapshot("Microsoft.Cache/redis/2024-11-01_RedisCacheCreateAutomaticZonalAllocationPolicy.json"));
        assertEquals("properties.zonalAllocationPolicy is \"Automatic\"", evaluation.reason());
    }

    @Test
    void passesWithThreeZones() {
        assertStatus(Status.PASS, rule, Fixtures.with(Fixtures.snapshot(ONE_ZONE), "zones",
                Fixtures.parse("[\"1\",\"2\",\"3\"]")));
    }

    @Test
    void failsWithNoZones() {
        var evaluation = assertStatus(Status.FAIL, rule,
                Fixtures.snapshot("Microsoft.Cache/redis/2024-11-01_RedisCacheCreateNoZonesZonalAllocationPolicy.json"));
        assertEquals("properties.zonalAllocationPolicy is \"NoZones\"", evaluation.reason());
    }

    @Test
    void failsWithOneUserDefinedZone() {
        var evaluation = assertStatus(Status.FAIL, rule, Fixtures.snapshot(ONE_ZONE));
        assertEquals("the cache is in 1 zone and properties.zonalAllocationPolicy is \"UserDefined\"; expected 2 or more"
                + " zones or zonalAllocationPolicy Automatic", evaluation.reason());
    }

    @Test
    void failsOnAnOldCacheWithoutZoneInformation() {
        var evaluation = assertStatus(Status.FAIL, rule, Fixtures.snapshot("Microsoft.Cache/redis/2020-06-01_RedisCacheGet.json"));
        assertEquals("the cache is in 0 zones and properties.zonalAllocationPolicy is not set; expected 2 or more zones"
                + " or zonalAllocationPolicy Automatic", evaluation.reason());
    }

    @Test
    void failsOnBasicEvenWithAutomaticAllocation() {
        var basic = Fixtures.with(Fixtures.list("Microsoft.Cache/redis/2024-11-01_RedisCacheList.json").get(0),
                "properties.sku.name", Fixtures.parse("\"Basic\""));
        var evaluation = assertStatus(Status.FAIL, rule, basic);
        assertEquals("properties.sku.name is Basic, a single node that cannot be zone redundant", evaluation.reason());
    }
}
