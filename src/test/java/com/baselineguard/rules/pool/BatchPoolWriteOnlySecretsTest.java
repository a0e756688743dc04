package com.baselineguard.rules.pool;

import static com.baselineguard.rules.pool.BatchPoolFixtures.SECURITY_PROFILE;
import static com.baselineguard.rules.pool.BatchPoolFixtures.VM_PATH;
import static com.baselineguard.rules.pool.BatchPoolFixtures.pool;
import static com.baselineguard.rules.pool.BatchPoolFixtures.steady;
import static com.baselineguard.testing.RuleHarness.assertConverges;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.Planner;
import com.baselineguard.engine.RemediationPlan;
import com.baselineguard.model.JsonPath;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.Rule;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pool fixes that write virtualMachineConfiguration (BPOOL-004, -005, -006) resend it whole from a GET, and a
 * GET never returns containerRegistries[].password or extensions[].protectedSettings (both x-ms-secret in Batch
 * 2025-06-01). Such a pool is never sent a body: the fix is blocked with the reason. No published pool example
 * has container registries, so that shape is hand-made with the 2025-06-01 member names, as a GET shows it
 * (username, no password); the extension shape is the published PoolGet_VirtualMachineConfiguration_Extensions.
 */
class BatchPoolWriteOnlySecretsTest {

    private static final List<Rule> VM_FIXES =
            List.of(new BatchPoolDiskEncryption(), new BatchPoolEncryptionAtHost(), new BatchPoolTrustedLaunch());
    private static final String SECRETS = VM_PATH + " would be sent whole, rebuilt from a GET that never returns"
            + " write-only secrets (containerRegistries[].password, extensions[].protectedSettings), and ";
    private static final String BY_HAND = ", so the PATCH could drop them; change this pool by hand with the secrets"
            + " included";
    private static final String UAMI = "/subscriptions/12345678-1234-1234-1234-123456789012/resourceGroups"
            + "/default-azurebatch-japaneast/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1";

    /** The published Linux Marketplace pool (security profile without vTPM), Steady at 0/0, with this container setup. */
    private static ResourceSnapshot withContainers(String registries) {
        return Fixtures.with(steady(pool(SECURITY_PROFILE)), VM_PATH + ".containerConfiguration",
                Fixtures.parse("{\"type\":\"DockerCompatible\",\"containerImageNames\":[\"busybox\"],"
                        + "\"containerRegistries\":" + registries + "}"));
    }

    @Test
    void aRegistryThatSignsInWithAPasswordBlocksEveryVmConfigurationFix() {
        ResourceSnapshot registry = withContainers("[{\"registryServer\":\"myregistry.azurecr.io\",\"username\":\"pull\"}]");
        for (Rule rule : List.of(new BatchPoolDiskEncryption(), new BatchPoolTrustedLaunch())) {
            Evaluation evaluation = rule.evaluate(registry, RuleSettings.defaults());
            assertEquals(Status.FAIL, evaluation.status(), rule.metadata().id());
            assertEquals(SECRETS + "container registry 'myregistry.azurecr.io' signs in with a username and password"
                    + BY_HAND, evaluation.fix().orElseThrow().blockedBy().orElseThrow(), rule.metadata().id());
        }
        assertTrue(new Planner().plan(registry, VM_FIXES, RuleSettings.defaults()).isEmpty(), "no PATCH at all");
    }

    @Test
    void thePublishedPoolWithAnExtensionIsNeverSentABodyThatCouldDropItsProtectedSettings() {
        // Published GET: Ubuntu Marketplace image, one KeyVaultForLinux extension, Resizing at 0/0.
        ResourceSnapshot extensions = steady(pool("2025-06-01_PoolGet_VirtualMachineConfiguration_Extensions.json"));
        Evaluation evaluation = new BatchPoolEncryptionAtHost().evaluate(extensions, RuleSettings.defaults());
        assertEquals(Status.FAIL, evaluation.status());
        assertEquals(SECRETS + "extension 'batchextension1' can hold protectedSettings" + BY_HAND,
                evaluation.fix().orElseThrow().blockedBy().orElseThrow());
        assertTrue(new Planner().plan(extensions, VM_FIXES, RuleSettings.defaults()).isEmpty(), "no PATCH at all");
    }

    @Test
    void bothReasonsAndTheDrainPreconditionAreReportedTogether() {
        ResourceSnapshot busy = Fixtures.with(withContainers("[{\"registryServer\":\"a.azurecr.io\",\"username\":\"u\"}]"),
                VM_PATH + ".extensions", Fixtures.parse("[{\"name\":\"ext1\",\"publisher\":\"p\",\"type\":\"t\"},"
                        + "{\"name\":\"ext2\",\"publisher\":\"p\",\"type\":\"t\"}]"));
        busy = Fixtures.with(busy, "properties.currentDedicatedNodes", Fixtures.parse("2"));
        String blocker = new BatchPoolDiskEncryption().evaluate(busy, RuleSettings.defaults()).fix().orElseThrow()
                .blockedBy().orElseThrow();
        assertEquals(SECRETS + "container registry 'a.azurecr.io' signs in with a username and password; extensions"
                + " 'ext1', 'ext2' can each hold protectedSettings" + BY_HAND + "; the pool must have zero dedicated and"
                + " zero low-priority nodes and allocationState Steady before this property can change, but"
                + " properties.currentDedicatedNodes is 2", blocker);
    }

    @Test
    void aRegistryThatUsesTheManagedIdentityHasNoSecretAndIsResentAsItIs() {
        ResourceSnapshot identity = withContainers("[{\"registryServer\":\"myregistry.azurecr.io\",\"identityReference\":"
                + "{\"resourceId\":\"" + UAMI + "\"}}]");
        RemediationPlan plan = assertConverges(new BatchPoolDiskEncryption(), identity, RuleSettings.defaults());
        assertEquals(1, plan.steps().size());
        assertEquals(identity.value(VM_PATH + ".containerConfiguration").orElseThrow(),
                JsonPath.of(VM_PATH + ".containerConfiguration").read(plan.steps().get(0).body()).orElseThrow());
    }
}
