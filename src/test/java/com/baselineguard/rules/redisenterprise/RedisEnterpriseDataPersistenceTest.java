package com.baselineguard.rules.redisenterprise;

import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import org.junit.jupiter.api.Test;

class RedisEnterpriseDataPersistenceTest {

    private final RedisEnterpriseDataPersistence rule = new RedisEnterpriseDataPersistence();

    @Test
    void passesWithThePublishedRdbAndAofDatabases() {
        assertEquals("properties.persistence.rdbEnabled is true",
                assertStatus(Status.PASS, rule, Clusters.of(Clusters.DATABASE)).reason());
        assertEquals("properties.persistence.aofEnabled is true",
                assertStatus(Status.PASS, rule, Clusters.of(Clusters.DATABASE_AOF)).reason());
    }

    @Test
    void failsOnThePublishedDatabaseWithoutPersistence() {
        assertEquals("neither properties.persistence.rdbEnabled nor properties.persistence.aofEnabled is true, so the"
                + " database keeps no copy of its data on disk",
                assertStatus(Status.FAIL, rule, Clusters.of(Clusters.DATABASE_NO_PERSISTENCE)).reason());
        assertStatus(Status.FAIL, rule, Fixtures.with(Clusters.of(Clusters.DATABASE), "properties.persistence",
                Fixtures.parse("{\"rdbEnabled\":false,\"aofEnabled\":false}")));
    }
}
