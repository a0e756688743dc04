package com.baselineguard.rules.redisenterprise;

import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.baselineguard.rules.Severity;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import org.junit.jupiter.api.Test;

class RedisEnterpriseRetirementTest {

    private final RedisEnterpriseRetirement rule = new RedisEnterpriseRetirement();

    @Test
    void failsInformationallyOnThePublishedEnterpriseFlashCluster() {
        assertEquals(Severity.INFORMATIONAL, rule.metadata().severity());
        assertEquals("sku.name is \"EnterpriseFlash_F300\": the Enterprise and Enterprise Flash SKUs are deprecated;"
                + " migrate to Azure Managed Redis", assertStatus(Status.FAIL, rule, Clusters.of(Clusters.CREATED)).reason());
        assertStatus(Status.FAIL, rule, Fixtures.with(Clusters.of(Clusters.CREATED), "sku",
                Fixtures.parse("{\"name\":\"Enterprise_E10\",\"capacity\":2}")));
    }

    @Test
    void passesOnAnAzureManagedRedisSku() {
        assertEquals("sku.name is \"Balanced_B5\", not an Enterprise or Enterprise Flash SKU",
                assertStatus(Status.PASS, rule, Fixtures.with(Clusters.of(Clusters.CREATED), "sku",
                        Fixtures.parse("{\"name\":\"Balanced_B5\"}"))).reason());
    }

    @Test
    void isNotEvaluatedWithoutASku() {
        assertStatus(Status.NOT_EVALUATED, rule, Fixtures.without(Clusters.of(Clusters.CREATED), "sku"));
    }
}
