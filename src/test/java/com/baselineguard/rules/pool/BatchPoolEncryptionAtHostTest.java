package com.baselineguard.rules.pool;

import static com.baselineguard.rules.pool.BatchPoolFixtures.CLOUD_SERVICE;
import static com.baselineguard.rules.pool.BatchPoolFixtures.CONFIDENTIAL;
import static com.baselineguard.rules.pool.BatchPoolFixtures.GALLERY;
import static com.baselineguard.rules.pool.BatchPoolFixtures.LIST_WITH_FILTER;
import static com.baselineguard.rules.pool.BatchPoolFixtures.SECURITY_PROFILE_GET;
import static com.baselineguard.rules.pool.BatchPoolFixtures.VM_PATH;
import static com.baselineguard.rules.pool.BatchPoolFixtures.pool;
import static com.baselineguard.rules.pool.BatchPoolFixtures.steady;
import static com.baselineguard.testing.RuleHarness.assertConverges;
import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.Planner;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPoolEncryptionAtHostTest {

    private static final String SETTING = VM_PATH + ".securityProfile.encryptionAtHost";

    private final BatchPoolEncryptionAtHost rule = new BatchPoolEncryptionAtHost();

    @Test
    void passesWhenThePublishedPoolEncryptsAtHost() {
        var evaluation = assertStatus(Status.PASS, rule, pool(SECURITY_PROFILE_GET));
        assertEquals(SETTING + " is true", evaluation.reason());
    }

    @Test
    void failsWhenExplicitlyFalse() {
        var evaluation = assertStatus(Status.FAIL, rule,
                pool("2025-06-01_PoolCreate_DiskEncryptionSet_ForUserSubscriptionAccounts.json"));
        assertEquals(SETTING + " is false; expected true (the VM size must support encryption at host; Baseline Guard"
                + " does not verify that)", evaluation.reason());
    }

    @Test
    void failsWhenAbsentAndTheFixSendsTheWholeVmConfiguration() {
        ResourceSnapshot gallery = pool(GALLERY);
        assertEquals(SETTING + " is not set (absent means false); expected true (the VM size must support encryption at"
                + " host; Baseline Guard does not verify that)", assertStatus(Status.FAIL, rule, gallery).reason());
        var plan = assertConverges(rule, gallery, RuleSettings.defaults());
        assertEquals(Fixtures.parse("{\"properties\":{\"deploymentConfiguration\":{\"virtualMachineConfiguration\":{"
                + "\"imageReference\":{\"id\":\"/subscriptions/12345678-1234-1234-1234-123456789012/resourceGroups"
                + "/networking-group/providers/Microsoft.Compute/galleries/testgallery/images/testimagedef/versions"
                + "/0.0.1\"},\"nodeAgentSkuId\":\"batch.node.ubuntu 18.04\","
                + "\"securityProfile\":{\"encryptionAtHost\":true}}}}}"), plan.steps().get(0).body());
    }

    @Test
    void fixKeepsTheOtherSecurityProfileMembers() {
        ResourceSnapshot confidential = steady(pool(CONFIDENTIAL));
        var plan = assertConverges(rule, confidential, RuleSettings.defaults());
        assertEquals(Fixtures.parse("{\"securityType\":\"confidentialVM\",\"encryptionAtHost\":true,"
                + "\"uefiSettings\":{\"secureBootEnabled\":true,\"vTpmEnabled\":true}}"),
                Planner.applyAll(confidential, plan).value(VM_PATH + ".securityProfile").orElseThrow());
    }

    @Test
    void fixIsBlockedWhileThePoolHasNodes() {
        ResourceSnapshot withNode = Fixtures.with(pool(SECURITY_PROFILE_GET), SETTING, Fixtures.parse("false"));
        var evaluation = assertStatus(Status.FAIL, rule, withNode);
        assertTrue(evaluation.fix().orElseThrow().blockedBy().orElseThrow()
                .endsWith("but properties.currentDedicatedNodes is 1"));
        assertTrue(new Planner().plan(withNode, List.of(rule), RuleSettings.defaults()).isEmpty());
    }

    @Test
    void isNotApplicableToARetiredCloudServicesPool() {
        assertStatus(Status.NOT_APPLICABLE, rule, pool(CLOUD_SERVICE));
    }

    @Test
    void isNotEvaluatedWhenTheSnapshotLacksTheDeploymentConfiguration() {
        assertStatus(Status.NOT_EVALUATED, rule, Fixtures.list(LIST_WITH_FILTER).get(1));
    }
}
