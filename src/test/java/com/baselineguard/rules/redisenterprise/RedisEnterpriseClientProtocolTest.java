package com.baselineguard.rules.redisenterprise;

import static com.baselineguard.testing.RuleHarness.assertConverges;
import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.baselineguard.engine.RemediationPlan;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import org.junit.jupiter.api.Test;

class RedisEnterpriseClientProtocolTest {

    private final RedisEnterpriseClientProtocol rule = new RedisEnterpriseClientProtocol();

    private static ResourceSnapshot plaintext() {
        return Fixtures.with(Clusters.of(Clusters.DATABASE), "properties.clientProtocol", Fixtures.parse("\"Plaintext\""));
    }

    @Test
    void passesOnThePublishedDatabases() {
        assertEquals("properties.clientProtocol is \"Encrypted\"",
                assertStatus(Status.PASS, rule, Clusters.of(Clusters.DATABASE)).reason());
        assertStatus(Status.PASS, rule, Clusters.of(Clusters.OLD_DATABASE));
        assertStatus(Status.PASS, rule, Clusters.first(Clusters.DATABASE_LIST));
    }

    @Test
    void passesWhenAbsentBecauseEncryptedIsTheDefault() {
        assertEquals("properties.clientProtocol is not set (absent means Encrypted, the default)",
                assertStatus(Status.PASS, rule, Fixtures.without(Clusters.of(Clusters.DATABASE),
                        "properties.clientProtocol")).reason());
    }

    @Test
    void failsOnPlaintext() {
        assertEquals("properties.clientProtocol is \"Plaintext\"; expected \"Encrypted\"",
                assertStatus(Status.FAIL, rule, plaintext()).reason());
    }

    @Test
    void fixPatchesTheDatabase() {
        RemediationPlan plan = assertConverges(rule, plaintext(), RuleSettings.defaults());
        assertEquals(Clusters.of(Clusters.DATABASE).id().toString(), plan.steps().get(0).target());
        assertEquals(Fixtures.parse("{\"properties\":{\"clientProtocol\":\"Encrypted\"}}"), plan.steps().get(0).body());
    }
}
