package com.baselineguard.engine;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.FixStage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the invocation works from: the resource evaluated and its plan made ({@link Evaluator},
 * {@link Planner}), less the steps ARM refused earlier in the chain of work and the later steps that
 * depend on them ({@link StepIndependence}). After ARM refuses a step, it also tells how many later
 * steps may still go.
 */
final class Planning {

    /** The evaluation and the plan this invocation works from. */
    record Planned(ResourceReport report, RemediationPlan plan) {
    }

    private final Evaluator evaluator;

    Planning(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** The resource evaluated, its plan made. */
    ResourceReport evaluate(ResourceSnapshot snapshot) {
        return evaluator.evaluate(snapshot);
    }

    /**
     * @param report the resource evaluated ({@link #evaluate})
     * @param refusedRules rules whose step ARM refused earlier in this chain
     */
    Planned plan(ResourceReport report, Set<String> refusedRules) {
        return new Planned(report, remaining(report, refusedRules));
    }

    /** The report's plan without the steps of the refused rules and without the later steps that depend on them. */
    static RemediationPlan remaining(ResourceReport report, Set<String> refusedRules) {
        RemediationPlan plan = report.plan();
        if (refusedRules.isEmpty()) {
            return plan;
        }
        Map<PlanStep, FixStage> refused = new LinkedHashMap<>();
        List<PlanStep> kept = new ArrayList<>();
        for (PlanStep step : plan.steps()) {
            if (step.ruleIds().stream().anyMatch(refusedRules::contains)) {
                refused.put(step, stageOf(report, step));
            } else if (refused.isEmpty() || StepIndependence.independent(step, stageOf(report, step), refused)) {
                kept.add(step);
            }
        }
        return new RemediationPlan(kept);
    }

    /** How many steps after the first do not depend on it, now that ARM refused it. */
    static long independentOfFirst(ResourceReport report, RemediationPlan plan) {
        PlanStep first = plan.steps().get(0);
        // A singleton map, as the stage may be unknown (null): StepIndependence then keeps every later step back.
        Map<PlanStep, FixStage> refusedNow = Collections.singletonMap(first, stageOf(report, first));
        return plan.steps().subList(1, plan.steps().size()).stream()
                .filter(s -> StepIndependence.independent(s, stageOf(report, s), refusedNow)).count();
    }

    /** The fix stage of a step (of its first rule that proposes a fix), or null when unknown. */
    private static FixStage stageOf(ResourceReport report, PlanStep step) {
        for (Finding finding : report.findings()) {
            if (step.ruleIds().contains(finding.rule().id()) && finding.evaluation().fix().isPresent()) {
                return finding.evaluation().fix().get().stage();
            }
        }
        return null;
    }
}
