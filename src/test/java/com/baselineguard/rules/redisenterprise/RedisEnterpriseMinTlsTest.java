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

class RedisEnterpriseMinTlsTest {

    private final RedisEnterpriseMinTls rule = new RedisEnterpriseMinTls();

    private static ResourceSnapshot tls10() {
        return Fixtures.with(Clusters.of(Clusters.CREATED), "properties.minimumTlsVersion", Fixtures.parse("\"1.0\""));
    }

    @Test
    void passesOnThePublishedClusters() {
        assertEquals("properties.minimumTlsVersion is \"1.2\"",
                assertStatus(Status.PASS, rule, Clusters.of(Clusters.CREATED)).reason());
        assertStatus(Status.PASS, rule, Clusters.of(Clusters.OLD));
        assertStatus(Status.PASS, rule, Clusters.first(Clusters.LIST));
    }

    @Test
    void passesWhenAbsentBecauseTheServiceOnlyAllowsTls12() {
        var evaluation = assertStatus(Status.PASS, rule,
                Fixtures.without(Clusters.of(Clusters.CREATED), "properties.minimumTlsVersion"));
        assertEquals("properties.minimumTlsVersion is not set (the service accepts only TLS 1.2 and later)",
                evaluation.reason());
    }

    @Test
    void failsOnTls10() {
        assertEquals("properties.minimumTlsVersion is \"1.0\"; expected \"1.2\"",
                assertStatus(Status.FAIL, rule, tls10()).reason());
    }

    @Test
    void fixPatchesTls12() {
        RemediationPlan plan = assertConverges(rule, tls10(), RuleSettings.defaults());
        assertEquals(1, plan.steps().size());
        assertEquals("PATCH", plan.steps().get(0).method());
        assertEquals(Fixtures.parse("{\"properties\":{\"minimumTlsVersion\":\"1.2\"}}"), plan.steps().get(0).body());
    }
}
