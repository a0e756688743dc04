package com.baselineguard.engine;

import java.util.List;
import java.util.Optional;

/** The ordered requests that bring one resource onto the baseline, for the rules in enforce mode. */
public record RemediationPlan(List<PlanStep> steps) {

    public static final RemediationPlan EMPTY = new RemediationPlan(List.of());

    public RemediationPlan {
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** The step that fixes a rule, if any. */
    public Optional<PlanStep> stepFor(String ruleId) {
        for (PlanStep step : steps) {
            if (step.fixes(ruleId)) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }
}
