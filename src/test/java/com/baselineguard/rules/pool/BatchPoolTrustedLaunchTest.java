package com.baselineguard.rules.pool;

import static com.baselineguard.rules.pool.BatchPoolFixtures.CLOUD_SERVICE;
import static com.baselineguard.rules.pool.BatchPoolFixtures.CONFIDENTIAL;
import static com.baselineguard.rules.pool.BatchPoolFixtures.GALLERY;
import static com.baselineguard.rules.pool.BatchPoolFixtures.SECURITY_PROFILE;
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

class BatchPoolTrustedLaunchTest {

    private final BatchPoolTrustedLaunch rule = new BatchPoolTrustedLaunch();

    @Test
    void passesOnAConfidentialVmWithSecureBootAndVtpm() {
        var evaluation = assertStatus(Status.PASS, rule, pool(CONFIDENTIAL));
        assertEquals(VM_PATH + " has securityType \"confidentialVM\", secureBootEnabled true and vTpmEnabled true",
                evaluation.reason());
    }

    @Test
    void passesOnTrustedLaunchInAnyCasing() {
        ResourceSnapshot trusted = Fixtures.with(Fixtures.with(pool(SECURITY_PROFILE), VM_PATH + ".securityProfile.securityType",
                Fixtures.parse("\"TrustedLaunch\"")), VM_PATH + ".securityProfile.uefiSettings",
                Fixtures.parse("{\"secureBootEnabled\":true,\"vTpmEnabled\":\"true\"}"));
        assertStatus(Status.PASS, rule, trusted);
    }

    @Test
    void failsWhenTrustedLaunchLacksSecureBootAndVtpm() {
        // Published trustedLaunch pool: vTpmEnabled false, secureBootEnabled omitted.
        var evaluation = assertStatus(Status.FAIL, rule, pool(SECURITY_PROFILE));
        assertEquals(VM_PATH + " has securityType \"trustedLaunch\", secureBootEnabled not set and vTpmEnabled false;"
                + " expected secureBootEnabled true, vTpmEnabled true (the image and VM size must support it; Baseline"
                + " Guard does not verify that)", evaluation.reason());
    }

    @Test
    void fixTurnsOnSecureBootAndVtpmKeepingEncryptionAtHost() {
        var plan = assertConverges(rule, steady(pool(SECURITY_PROFILE)), RuleSettings.defaults());
        assertEquals(Fixtures.parse("{\"properties\":{\"deploymentConfiguration\":{\"virtualMachineConfiguration\":{"
                + "\"imageReference\":{\"offer\":\"UbuntuServer\",\"publisher\":\"Canonical\",\"sku\":\"18_04-lts-gen2\","
                + "\"version\":\"latest\"},\"nodeAgentSkuId\":\"batch.node.ubuntu 18.04\",\"securityProfile\":{"
                + "\"encryptionAtHost\":true,\"securityType\":\"trustedLaunch\",\"uefiSettings\":{"
                + "\"vTpmEnabled\":true,\"secureBootEnabled\":true}}}}}}"), plan.steps().get(0).body());
    }

    @Test
    void failsWithoutASecurityProfileAndTheFixAddsTrustedLaunch() {
        var evaluation = assertStatus(Status.FAIL, rule, pool(GALLERY));
        assertEquals(VM_PATH + " has securityType not set, secureBootEnabled not set and vTpmEnabled not set; expected"
                + " securityType trustedLaunch or confidentialVM, secureBootEnabled true, vTpmEnabled true (the image and"
                + " VM size must support it; Baseline Guard does not verify that)", evaluation.reason());
        var plan = assertConverges(rule, pool(GALLERY), RuleSettings.defaults());
        assertEquals(Fixtures.parse("{\"securityType\":\"trustedLaunch\",\"uefiSettings\":{\"secureBootEnabled\":true,"
                + "\"vTpmEnabled\":true}}"), plan.steps().get(0).body().getAsJsonObject("properties")
                .getAsJsonObject("deploymentConfiguration").getAsJsonObject("virtualMachineConfiguration")
                .get("securityProfile"));
    }

    @Test
    void fixKeepsAConfidentialVm() {
        ResourceSnapshot noVtpm = steady(Fixtures.with(pool(CONFIDENTIAL),
                VM_PATH + ".securityProfile.uefiSettings.vTpmEnabled", Fixtures.parse("false")));
        var plan = assertConverges(rule, noVtpm, RuleSettings.defaults());
        assertEquals("confidentialVM", Planner.applyAll(noVtpm, plan).string(VM_PATH + ".securityProfile.securityType")
                .orElseThrow());
    }

    @Test
    void fixIsBlockedWhileThePoolHasNodes() {
        // Published Steady with one dedicated node, trustedLaunch and vTpm off.
        ResourceSnapshot withNode = pool(SECURITY_PROFILE_GET);
        var evaluation = assertStatus(Status.FAIL, rule, withNode);
        assertTrue(evaluation.fix().orElseThrow().blocked());
        assertTrue(new Planner().plan(withNode, List.of(rule), RuleSettings.defaults()).isEmpty());
    }

    @Test
    void isNotApplicableToARetiredCloudServicesPool() {
        assertStatus(Status.NOT_APPLICABLE, rule, pool(CLOUD_SERVICE));
    }
}
