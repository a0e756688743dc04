package com.baselineguard.engine;

import com.baselineguard.model.MergePatch;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Change;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.Fix;
import com.baselineguard.rules.FixStage;
import com.baselineguard.rules.Rule;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Status;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the fixes of one resource's failing rules into an ordered list of requests.
 *
 * <p>The planner works on a simulated resource: it evaluates the rules, takes the pending fixes of
 * the earliest {@link FixStage}, makes them one step (all of them for a shared stage, the first one
 * for an exclusive stage), applies that step in memory and evaluates again. So a fix whose
 * precondition an earlier step satisfies (Entra authentication before access keys are turned off)
 * is planned after it, and a fix that is still blocked at the end is never planned. When two fixes
 * of one step set the same property differently, the value that makes more of their rules pass wins
 * and the other rule is reconsidered in the next round.
 */
public final class Planner {

    /** A pending fix and the rule that proposed it. */
    private record Pending(Rule rule, Fix fix) {
    }

    /**
     * Plans the fixes of {@code rules} (the rules in enforce mode) for {@code snapshot}.
     *
     * @return the plan; empty when nothing is to be fixed or every fix is blocked
     */
    public RemediationPlan plan(ResourceSnapshot snapshot, List<Rule> rules, RuleSettings settings) {
        return plan(snapshot, rules, settings, Map.of());
    }

    /**
     * As {@link #plan(ResourceSnapshot, List, RuleSettings)}, reusing evaluations of {@code snapshot}
     * already made (rules are pure, so the first round need not evaluate them again).
     *
     * @param evaluated evaluations of {@code snapshot} under {@code settings}, by rule; may miss rules
     */
    public RemediationPlan plan(ResourceSnapshot snapshot, List<Rule> rules, RuleSettings settings,
            Map<Rule, Evaluation> evaluated) {
        List<PlanStep> steps = new ArrayList<>();
        Set<String> done = new HashSet<>();
        ResourceSnapshot state = snapshot;
        for (int round = 0; round <= rules.size(); round++) {
            List<Pending> pending = pendingFixes(state, rules, settings, done, round == 0 ? evaluated : Map.of());
            if (pending.isEmpty()) {
                break;
            }
            FixStage stage = pending.stream().map(p -> p.fix().stage()).min(Comparator.naturalOrder()).orElseThrow();
            List<Pending> group = pending.stream().filter(p -> p.fix().stage() == stage).toList();
            if (stage.exclusive()) {
                group = List.of(group.get(0));
            }
            Step step = buildStep(state, group, settings, steps.size() + 1);
            state = SnapshotPatcher.apply(state, step.planStep());
            steps.add(step.planStep());
            for (Pending p : step.applied()) {
                done.add(p.rule().metadata().id());
            }
        }
        return new RemediationPlan(steps);
    }

    /** Applies a whole plan to a snapshot in memory: what the resource looks like once the plan has run. */
    public static ResourceSnapshot applyAll(ResourceSnapshot snapshot, RemediationPlan plan) {
        ResourceSnapshot state = snapshot;
        for (PlanStep step : plan.steps()) {
            state = SnapshotPatcher.apply(state, step);
        }
        return state;
    }

    private static List<Pending> pendingFixes(ResourceSnapshot state, List<Rule> rules, RuleSettings settings,
            Set<String> done, Map<Rule, Evaluation> evaluated) {
        List<Pending> pending = new ArrayList<>();
        for (Rule rule : rules) {
            if (done.contains(rule.metadata().id())) {
                continue;
            }
            Evaluation known = evaluated.get(rule);
            Evaluation evaluation = known != null ? known : rule.evaluate(state, settings);
            if (evaluation.status() == Status.FAIL && evaluation.fix().isPresent() && !evaluation.fix().get().blocked()) {
                pending.add(new Pending(rule, evaluation.fix().get()));
            }
        }
        return pending;
    }

    /** A built step and the fixes it took in full. */
    private record Step(PlanStep planStep, List<Pending> applied) {
    }

    private static Step buildStep(ResourceSnapshot state, List<Pending> group, RuleSettings settings, int number) {
        if (group.get(0).fix().stage() == FixStage.KEY_VAULT) {
            Pending only = group.get(0);
            Change.KeyRotationPolicy policy = (Change.KeyRotationPolicy) only.fix().changes().get(0);
            PlanStep step = new PlanStep(number, new PlanStep.SetKeyRotationPolicy(policy.keyIdentifier(),
                    policy.after().deepCopy()), List.of(new PlannedChange(only.rule().metadata().id(), policy)));
            return new Step(step, List.of(only));
        }
        if (group.get(0).fix().stage() == FixStage.EXTENSION) {
            Pending only = group.get(0);
            Change.ExtensionResource put = (Change.ExtensionResource) only.fix().changes().get(0);
            PlannedChange planned = new PlannedChange(only.rule().metadata().id(), put);
            PlanStep step = new PlanStep(number, new PlanStep.PutExtension(state.id(), put.kind(), put.relativeId(),
                    put.name(), put.after().deepCopy()), List.of(planned));
            return new Step(step, List.of(only));
        }
        List<Pending> chosen = resolveConflicts(state, group, settings);
        JsonObject body = new JsonObject();
        List<PlannedChange> planned = new ArrayList<>();
        for (Pending p : chosen) {
            for (Change change : p.fix().changes()) {
                if (change instanceof Change.Property property) {
                    body = MergePatch.apply(body, property.path().wrap(property.after()));
                    planned.add(new PlannedChange(p.rule().metadata().id(), property));
                }
            }
        }
        return new Step(new PlanStep(number, new PlanStep.PatchResource(state.id(), body), planned), chosen);
    }

    /**
     * Drops fixes whose property paths overlap an earlier-chosen fix's, preferring the fix whose
     * result makes the most rules of the group pass (ties: catalog order).
     */
    private static List<Pending> resolveConflicts(ResourceSnapshot state, List<Pending> group, RuleSettings settings) {
        List<Pending> ranked = new ArrayList<>(group);
        if (hasOverlap(group)) {
            ranked.sort(Comparator.comparingInt((Pending p) -> -passesAfter(state, p, group, settings)));
        }
        List<Pending> chosen = new ArrayList<>();
        for (Pending candidate : ranked) {
            if (chosen.stream().noneMatch(c -> overlaps(c.fix(), candidate.fix()))) {
                chosen.add(candidate);
            }
        }
        chosen.sort(Comparator.comparing(p -> p.rule().metadata().id()));
        return chosen;
    }

    private static boolean hasOverlap(List<Pending> group) {
        for (int i = 0; i < group.size(); i++) {
            for (int j = i + 1; j < group.size(); j++) {
                if (overlaps(group.get(i).fix(), group.get(j).fix())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int passesAfter(ResourceSnapshot state, Pending candidate, List<Pending> group,
            RuleSettings settings) {
        JsonObject body = new JsonObject();
        for (Change change : candidate.fix().changes()) {
            if (change instanceof Change.Property property) {
                body = MergePatch.apply(body, property.path().wrap(property.after()));
            }
        }
        ResourceSnapshot after = SnapshotPatcher.patch(state, body);
        int passes = 0;
        for (Pending p : group) {
            if (p.rule().evaluate(after, settings).status() == Status.PASS) {
                passes++;
            }
        }
        return passes;
    }

    private static boolean overlaps(Fix a, Fix b) {
        for (Change x : a.changes()) {
            for (Change y : b.changes()) {
                if (x instanceof Change.Property px && y instanceof Change.Property py
                        && (isPrefix(px.path().segments(), py.path().segments())
                                || isPrefix(py.path().segments(), px.path().segments()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isPrefix(List<String> prefix, List<String> path) {
        if (prefix.size() > path.size()) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            if (!prefix.get(i).equalsIgnoreCase(path.get(i))) {
                return false;
            }
        }
        return true;
    }
}
