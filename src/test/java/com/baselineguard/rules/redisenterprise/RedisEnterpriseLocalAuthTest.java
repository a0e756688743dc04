package com.baselineguard.rules.redisenterprise;

import static com.baselineguard.testing.RuleHarness.assertConverges;
import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.baselineguard.engine.RemediationPlan;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import org.junit.jupiter.api.Test;

class RedisEnterpriseLocalAuthTest {

    private final RedisEnterpriseLocalAuth rule = new RedisEnterpriseLocalAuth();

    @Test
    void passesWhenThePublishedListedDatabaseHasAccessKeysDisabled() {
        assertEquals("properties.accessKeysAuthentication is \"Disabled\"",
                assertStatus(Status.PASS, rule, Clusters.first(Clusters.DATABASE_LIST)).reason());
    }

    @Test
    void failsWhenAccessKeysAreEnabled() {
        assertEquals("properties.accessKeysAuthentication is \"Enabled\"; expected \"Disabled\"",
                assertStatus(Status.FAIL, rule, Clusters.of(Clusters.DATABASE)).reason());
    }

    @Test
    void failsOnAnOlderDatabaseWithoutTheProperty() {
        assertEquals("properties.accessKeysAuthentication is not set (databases created before the property existed"
                + " accept access keys); expected \"Disabled\"",
                assertStatus(Status.FAIL, rule, Clusters.of(Clusters.OLD_DATABASE)).reason());
    }

    @Test
    void fixPatchesTheDatabaseAndIsDisruptive() {
        assertEquals(FixClass.DISRUPTIVE, rule.metadata().fixClass());
        RemediationPlan plan = assertConverges(rule, Clusters.of(Clusters.DATABASE), RuleSettings.defaults());
        assertEquals(Fixtures.parse("{\"properties\":{\"accessKeysAuthentication\":\"Disabled\"}}"),
                plan.steps().get(0).body());
    }
}
