package com.baselineguard.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.PlanStep;
import com.baselineguard.engine.Planner;
import com.baselineguard.engine.RemediationPlan;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.Rule;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Status;
import java.util.List;

/** Assertions shared by the rule tests. */
public final class RuleHarness {

    private RuleHarness() {
    }

    public static Evaluation assertStatus(Status expected, Rule rule, ResourceSnapshot snapshot) {
        return assertStatus(expected, rule, snapshot, RuleSettings.defaults());
    }

    public static Evaluation assertStatus(Status expected, Rule rule, ResourceSnapshot snapshot, RuleSettings settings) {
        Evaluation evaluation = rule.evaluate(snapshot, settings);
        assertEquals(expected, evaluation.status(),
                () -> rule.metadata().id() + " on " + snapshot.id() + ": " + evaluation.reason());
        assertFalse(evaluation.reason().isBlank(), "every evaluation gives a reason");
        return evaluation;
    }

    /**
     * Plans the rule's fix alone (enforce mode), applies the plan in memory, and asserts the rule then
     * passes. Returns the plan so a test can check the exact request bodies.
     */
    public static RemediationPlan assertConverges(Rule rule, ResourceSnapshot failing, RuleSettings settings) {
        assertStatus(Status.FAIL, rule, failing, settings);
        RemediationPlan plan = new Planner().plan(failing, List.of(rule), settings);
        assertFalse(plan.isEmpty(), () -> rule.metadata().id() + " planned nothing for " + failing.id());
        for (PlanStep step : plan.steps()) {
            assertTrue(step.ruleIds().contains(rule.metadata().id()));
        }
        ResourceSnapshot fixed = Planner.applyAll(failing, plan);
        Evaluation after = rule.evaluate(fixed, settings);
        assertEquals(Status.PASS, after.status(), () -> rule.metadata().id() + " after its plan: " + after.reason());
        return plan;
    }
}
