package com.baselineguard.rules.pool;

import static com.baselineguard.rules.pool.BatchPoolFixtures.CLOUD_SERVICE;
import static com.baselineguard.rules.pool.BatchPoolFixtures.CUSTOMER_MANAGED_KEY;
import static com.baselineguard.rules.pool.BatchPoolFixtures.GALLERY;
import static com.baselineguard.rules.pool.BatchPoolFixtures.LIST_WITH_FILTER;
import static com.baselineguard.rules.pool.BatchPoolFixtures.SECURITY_PROFILE;
import static com.baselineguard.rules.pool.BatchPoolFixtures.VM_PATH;
import static com.baselineguard.rules.pool.BatchPoolFixtures.pool;
import static com.baselineguard.rules.pool.BatchPoolFixtures.steady;
import static com.baselineguard.testing.RuleHarness.assertConverges;
import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.Planner;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.FixStage;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPoolDiskEncryptionTest {

    private static final String TARGETS = VM_PATH + ".diskEncryptionConfiguration.targets";

    private final BatchPoolDiskEncryption rule = new BatchPoolDiskEncryption();

    @Test
    void passesWhenAWindowsPoolEncryptsBothDisks() {
        var evaluation = assertStatus(Status.PASS, rule, pool("2025-06-01_PoolCreate_VirtualMachineConfiguration.json"));
        assertEquals(TARGETS + " is [\"OsDisk\",\"TemporaryDisk\"]", evaluation.reason());
    }

    @Test
    void passesWhenALinuxPoolEncryptsTheTemporaryDisk() {
        ResourceSnapshot linux = Fixtures.with(pool(SECURITY_PROFILE), TARGETS, Fixtures.parse("[\"TemporaryDisk\"]"));
        assertStatus(Status.PASS, rule, linux);
    }

    @Test
    void failsWhenAWindowsPoolEncryptsOnlyTheOsDisk() {
        var evaluation = assertStatus(Status.FAIL, rule, pool(CUSTOMER_MANAGED_KEY));
        assertEquals(TARGETS + " is [\"OsDisk\"]; expected OsDisk and TemporaryDisk (Windows pool)", evaluation.reason());
    }

    @Test
    void failsWhenALinuxMarketplacePoolHasNoDiskEncryption() {
        // Published Ubuntu Marketplace image (publisher/offer/sku), no diskEncryptionConfiguration.
        var evaluation = assertStatus(Status.FAIL, rule, pool(SECURITY_PROFILE));
        assertEquals(TARGETS + " is not set (the pool encrypts no node disk); expected TemporaryDisk", evaluation.reason());
    }

    @Test
    void isNotApplicableToALinuxPoolBuiltFromAnAzureComputeGalleryImageAndPointsToEncryptionAtHost() {
        // Published Linux pool whose imageReference.id is an Azure Compute Gallery image version; Steady at 0/0.
        ResourceSnapshot gallery = steady(pool(GALLERY));
        var evaluation = assertStatus(Status.NOT_APPLICABLE, rule, gallery);
        assertEquals(TARGETS + " is not set (the pool encrypts no node disk), and the pool is a Linux pool built from a"
                + " custom image (" + VM_PATH + ".imageReference.id): disk encryption configuration \"is not supported on"
                + " Linux pool created with Virtual Machine Image or Azure Compute Gallery Image\", so encrypt its disks"
                + " with encryption at host instead (BPOOL-005, securityProfile.encryptionAtHost)", evaluation.reason());
        assertTrue(evaluation.fix().isEmpty());
        assertTrue(new Planner().plan(gallery, List.of(rule), RuleSettings.defaults()).isEmpty(), "never a PATCH");
    }

    @Test
    void isNotApplicableToLinuxPoolsFromSharedAndCommunityGalleryImages() {
        // Member names from the 2025-06-01 ImageReference; the values follow the Compute gallery id forms.
        for (String image : List.of(
                "{\"sharedGalleryImageId\":\"/SharedGalleries/galleryUniqueName/Images/ubuntu/Versions/1.0.0\"}",
                "{\"communityGalleryImageId\":\"/CommunityGalleries/publicGalleryName/Images/ubuntu/Versions/latest\"}")) {
            ResourceSnapshot linux = Fixtures.with(steady(pool(SECURITY_PROFILE)), VM_PATH + ".imageReference",
                    Fixtures.parse(image));
            var evaluation = assertStatus(Status.NOT_APPLICABLE, rule, linux);
            String member = Fixtures.parse(image).getAsJsonObject().keySet().iterator().next();
            assertTrue(evaluation.reason().contains("(" + VM_PATH + ".imageReference." + member + ")"), evaluation::reason);
            assertTrue(new Planner().plan(linux, List.of(rule), RuleSettings.defaults()).isEmpty());
        }
    }

    @Test
    void aLinuxGalleryPoolThatAlreadyEncryptsTheTemporaryDiskPasses() {
        assertStatus(Status.PASS, rule, Fixtures.with(pool(GALLERY), TARGETS, Fixtures.parse("[\"TemporaryDisk\"]")));
    }

    @Test
    void aWindowsPoolFromAGalleryImageIsStillFixed() {
        // The Linux-only limitation does not cover Windows pools: the published Windows pool with a gallery image id.
        ResourceSnapshot windowsGallery = Fixtures.with(steady(pool(CUSTOMER_MANAGED_KEY)), VM_PATH + ".imageReference",
                pool(GALLERY).value(VM_PATH + ".imageReference").orElseThrow());
        assertStatus(Status.FAIL, rule, windowsGallery);
        assertConverges(rule, windowsGallery, RuleSettings.defaults());
    }

    @Test
    void fixOnALinuxPoolEncryptsOnlyTheTemporaryDiskBecauseLinuxSupportsNothingElse() {
        ResourceSnapshot failing = steady(pool(SECURITY_PROFILE));
        var plan = assertConverges(rule, failing, RuleSettings.defaults());
        JsonObject vm = failing.value(VM_PATH).orElseThrow().getAsJsonObject().deepCopy();
        vm.add("diskEncryptionConfiguration", Fixtures.parse("{\"targets\":[\"TemporaryDisk\"]}"));
        assertEquals(Fixtures.parse("{\"properties\":{\"deploymentConfiguration\":{\"virtualMachineConfiguration\":"
                + vm + "}}}"), plan.steps().get(0).body());
    }

    @Test
    void fixSendsTheWholeVmConfigurationKeepingTheCustomerManagedKey() {
        ResourceSnapshot failing = steady(pool(CUSTOMER_MANAGED_KEY));
        var plan = assertConverges(rule, failing, RuleSettings.defaults());
        assertEquals(1, plan.steps().size());
        JsonObject vm = failing.value(VM_PATH).orElseThrow().getAsJsonObject().deepCopy();
        vm.getAsJsonObject("diskEncryptionConfiguration").add("targets", Fixtures.parse("[\"OsDisk\",\"TemporaryDisk\"]"));
        assertEquals(Fixtures.parse("{\"properties\":{\"deploymentConfiguration\":{\"virtualMachineConfiguration\":"
                + vm + "}}}"), plan.steps().get(0).body());
        // The body holds the required members and the key, not just the changed one.
        assertTrue(vm.has("imageReference") && vm.has("nodeAgentSkuId")
                && vm.getAsJsonObject("diskEncryptionConfiguration").has("customerManagedKey"));
        assertEquals(FixStage.HARDENING, rule.evaluate(failing, RuleSettings.defaults()).fix().orElseThrow().stage());
    }

    @Test
    void fixIsBlockedWhileThePoolHasNodes() {
        // Published Windows pool, Steady with one dedicated node, no disk encryption.
        ResourceSnapshot withNode = pool("2025-06-01_PoolGet_VirtualMachineConfiguration_MangedOSDisk.json");
        var evaluation = assertStatus(Status.FAIL, rule, withNode);
        assertEquals("the pool must have zero dedicated and zero low-priority nodes and allocationState Steady before"
                + " this property can change, but properties.currentDedicatedNodes is 1",
                evaluation.fix().orElseThrow().blockedBy().orElseThrow());
        assertTrue(new Planner().plan(withNode, List.of(rule), RuleSettings.defaults()).isEmpty());
    }

    @Test
    void fixIsBlockedWhileThePoolIsResizing() {
        var evaluation = assertStatus(Status.FAIL, rule, pool(CUSTOMER_MANAGED_KEY));
        assertTrue(evaluation.fix().orElseThrow().blockedBy().orElseThrow()
                .endsWith("but properties.allocationState is \"Resizing\""));
    }

    @Test
    void isNotApplicableToARetiredCloudServicesPool() {
        var evaluation = assertStatus(Status.NOT_APPLICABLE, rule, pool(CLOUD_SERVICE));
        assertEquals("the pool uses the retired Cloud Services configuration"
                + " (properties.deploymentConfiguration.cloudServiceConfiguration) and has no " + VM_PATH,
                evaluation.reason());
    }

    @Test
    void isNotEvaluatedWhenTheSnapshotLacksTheDeploymentConfiguration() {
        ResourceSnapshot selected = Fixtures.list(LIST_WITH_FILTER).get(0);
        var evaluation = assertStatus(Status.NOT_EVALUATED, rule, selected);
        assertEquals("the snapshot does not carry " + VM_PATH, evaluation.reason());
    }
}
