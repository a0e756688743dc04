package com.baselineguard.rules.batch;

import static com.baselineguard.testing.RuleHarness.assertConverges;
import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.Planner;
import com.baselineguard.engine.RemediationPlan;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchManagedIdentityTest {

    private final BatchManagedIdentity rule = new BatchManagedIdentity();

    @Test
    void passesWithThePublishedSystemAssignedIdentity() {
        var evaluation = assertStatus(Status.PASS, rule,
                Fixtures.snapshot(Accounts.DIR + "2025-06-01_BatchAccountCreate_SystemAssignedIdentity.json"));
        assertEquals("identity.type is \"SystemAssigned\"", evaluation.reason());
    }

    @Test
    void passesWithThePublishedUserAssignedIdentity() {
        assertStatus(Status.PASS, rule, Accounts.userAssigned());
    }

    @Test
    void failsWhenThePublishedAccountHasIdentityNone() {
        var evaluation = assertStatus(Status.FAIL, rule, Accounts.get());
        assertEquals("identity.type is \"None\"; expected SystemAssigned or UserAssigned", evaluation.reason());
    }

    @Test
    void fixAssignsASystemIdentityWhenNone() {
        RemediationPlan plan = assertConverges(rule, Accounts.get(), RuleSettings.defaults());
        assertEquals(Fixtures.parse("{\"identity\":{\"type\":\"SystemAssigned\"}}"), plan.steps().get(0).body());
    }

    @Test
    void fixAssignsASystemIdentityWhenAbsent() {
        var evaluation = assertStatus(Status.FAIL, rule, Accounts.privateGet());
        assertEquals("identity.type is not set (no managed identity); expected SystemAssigned or UserAssigned",
                evaluation.reason());
        RemediationPlan plan = assertConverges(rule, Accounts.privateGet(), RuleSettings.defaults());
        assertEquals(Fixtures.parse("{\"identity\":{\"type\":\"SystemAssigned\"}}"), plan.steps().get(0).body());
    }

    @Test
    void fixNeverOverwritesAnotherIdentityValue() {
        ResourceSnapshot combined = Fixtures.with(Accounts.userAssigned(), "identity.type",
                Fixtures.parse("\"SystemAssigned, UserAssigned\""));
        var evaluation = assertStatus(Status.FAIL, rule, combined);
        assertTrue(evaluation.fix().orElseThrow().blocked());
        assertTrue(new Planner().plan(combined, List.of(rule), RuleSettings.defaults()).isEmpty());
    }
}
