package com.baselineguard.rules.pool;

import static com.baselineguard.rules.pool.BatchPoolFixtures.PUBLIC_IPS;
import static com.baselineguard.rules.pool.BatchPoolFixtures.SECURITY_PROFILE;
import static com.baselineguard.rules.pool.BatchPoolFixtures.VM_PATH;
import static com.baselineguard.rules.pool.BatchPoolFixtures.pool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.PlanStep;
import com.baselineguard.engine.Planner;
import com.baselineguard.engine.RemediationPlan;
import com.baselineguard.model.JsonPath;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Rule;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * BPOOL-004, -005 and -006 all write the whole virtualMachineConfiguration. Planned together, one wins each
 * step and the others are re-planned on the state it leaves, so every fix survives.
 */
class BatchPoolFixesTogetherTest {

    @Test
    void allPoolFixesConvergeOnADrainedPool() {
        // Published Steady at 0/0 with a subnet, UserManaged public IPs, no disk encryption, no security profile,
        // here on the published Ubuntu Marketplace image: the published gallery image would make BPOOL-004
        // not applicable (Linux custom image).
        ResourceSnapshot drained = Fixtures.with(pool(PUBLIC_IPS), VM_PATH + ".imageReference",
                pool(SECURITY_PROFILE).value(VM_PATH + ".imageReference").orElseThrow());
        List<Rule> rules = PoolRules.all();
        RemediationPlan plan = new Planner().plan(drained, rules, RuleSettings.defaults());

        assertTrue(plan.steps().size() >= 1 && plan.steps().size() <= 3, () -> plan.steps().size() + " steps");
        Set<String> fixed = new TreeSet<>();
        for (PlanStep step : plan.steps()) {
            assertEquals("PATCH", step.method());
            fixed.addAll(step.ruleIds());
            JsonPath.of(VM_PATH).readObject(step.body())
                    .ifPresent(vm -> assertTrue(vm.has("imageReference") && vm.has("nodeAgentSkuId"), vm::toString));
        }
        assertEquals(Set.of("BPOOL-002", "BPOOL-004", "BPOOL-005", "BPOOL-006"), fixed);

        // Each body carries the earlier steps' changes, so a PATCH that replaces the object loses nothing.
        JsonObject lastVm = JsonPath.of(VM_PATH).readObject(plan.steps().get(plan.steps().size() - 1).body()).orElseThrow();
        // A Linux pool: "On Linux pool, only "TemporaryDisk" is supported" (Batch 2025-06-01).
        assertEquals(Fixtures.parse("[\"TemporaryDisk\"]"),
                JsonPath.of("diskEncryptionConfiguration.targets").read(lastVm).orElseThrow());
        assertEquals(Fixtures.parse("{\"encryptionAtHost\":true,\"securityType\":\"trustedLaunch\","
                + "\"uefiSettings\":{\"secureBootEnabled\":true,\"vTpmEnabled\":true}}"), lastVm.get("securityProfile"));

        ResourceSnapshot after = Planner.applyAll(drained, plan);
        for (Rule rule : rules) {
            if (fixed.contains(rule.metadata().id())) {
                var evaluation = rule.evaluate(after, RuleSettings.defaults());
                assertEquals(Status.PASS, evaluation.status(), () -> rule.metadata().id() + ": " + evaluation.reason());
            }
        }
    }

    @Test
    void onThePublishedGalleryImagePoolDiskEncryptionIsLeftToEncryptionAtHost() {
        ResourceSnapshot drained = pool(PUBLIC_IPS);
        RemediationPlan plan = new Planner().plan(drained, PoolRules.all(), RuleSettings.defaults());
        Set<String> fixed = new TreeSet<>();
        plan.steps().forEach(step -> fixed.addAll(step.ruleIds()));
        assertEquals(Set.of("BPOOL-002", "BPOOL-005", "BPOOL-006"), fixed);
        assertEquals(Status.NOT_APPLICABLE, new BatchPoolDiskEncryption().evaluate(drained, RuleSettings.defaults()).status());
        assertEquals(Status.PASS, new BatchPoolEncryptionAtHost().evaluate(Planner.applyAll(drained, plan),
                RuleSettings.defaults()).status());
    }

    @Test
    void noPoolFixEverSendsTheNodeCommunicationMode() {
        // A drained pool, as a 2025-06-01 GET reports it mid-migration: target Simplified, nodes last Classic.
        ResourceSnapshot migrating = Fixtures.with(Fixtures.with(Fixtures.with(pool(PUBLIC_IPS), VM_PATH + ".imageReference",
                pool(SECURITY_PROFILE).value(VM_PATH + ".imageReference").orElseThrow()),
                "properties.targetNodeCommunicationMode", Fixtures.parse("\"Simplified\"")),
                "properties.currentNodeCommunicationMode", Fixtures.parse("\"Classic\""));
        RemediationPlan plan = new Planner().plan(migrating, PoolRules.all(), RuleSettings.defaults());
        assertEquals(4, plan.steps().stream().flatMap(s -> s.ruleIds().stream()).distinct().count(), "all four fixes run");
        for (PlanStep step : plan.steps()) {
            assertTrue(!step.body().toString().toLowerCase(java.util.Locale.ROOT).contains("nodecommunicationmode"),
                    step.body()::toString);
        }
    }

    @Test
    void nothingIsPlannedWhileThePoolHasNodes() {
        ResourceSnapshot busy = pool("2025-06-01_PoolGet_VirtualMachineConfiguration_MangedOSDisk.json");
        assertTrue(new Planner().plan(busy, PoolRules.all(), RuleSettings.defaults()).isEmpty());
    }
}
