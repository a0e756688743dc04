package com.baselineguard.engine;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Catalog;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.Fix;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.Rule;
import com.baselineguard.rules.Status;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates one resource against the catalog under a policy and plans the fixes of the rules in
 * enforce mode. Pure: no I/O; the same snapshot and policy always give the same report.
 */
public final class Evaluator {

    private final Catalog catalog;
    private final Policy policy;
    private final Planner planner = new Planner();

    public Evaluator(Catalog catalog, Policy policy) {
        this.catalog = catalog;
        this.policy = policy;
    }

    public Policy policy() {
        return policy;
    }

    public ResourceReport evaluate(ResourceSnapshot snapshot) {
        if (!policy.scopes().contains(snapshot.id())) {
            return ResourceReport.skipped(snapshot, "outside the configured scopes (BG_SCOPES)");
        }
        Optional<Exemption> exemption = exemption(snapshot);
        if (exemption.isPresent() && exemption.get().all()) {
            return new ResourceReport(snapshot, Optional.of("exempt from every rule by tag '" + exemption.get().tag() + "'"),
                    List.of(), exemption, RemediationPlan.EMPTY);
        }
        List<Rule> active = new ArrayList<>();
        for (Rule rule : catalog.rulesFor(snapshot.type())) {
            String id = rule.metadata().id();
            if (policy.runs(id) && exemption.map(e -> !e.covers(id)).orElse(true)) {
                active.add(rule);
            }
        }
        List<Evaluation> evaluations = new ArrayList<>(active.size());
        List<Mode> modes = new ArrayList<>(active.size());
        List<Rule> enforced = new ArrayList<>();
        Map<Rule, Evaluation> byRule = new IdentityHashMap<>();
        for (Rule rule : active) {
            Evaluation evaluation = rule.evaluate(snapshot, policy.ruleSettings());
            Mode mode = policy.modeOf(rule.metadata().id());
            evaluations.add(evaluation);
            modes.add(mode);
            if (mode == Mode.ENFORCE) {
                enforced.add(rule);
                byRule.put(rule, evaluation);
            }
        }
        RemediationPlan plan = planner.plan(snapshot, enforced, policy.ruleSettings(), byRule);
        List<Finding> findings = new ArrayList<>(active.size());
        for (int i = 0; i < active.size(); i++) {
            Rule rule = active.get(i);
            Mode mode = modes.get(i);
            findings.add(new Finding(rule.metadata(), mode, evaluations.get(i), outlook(rule, mode, evaluations.get(i), plan)));
        }
        return new ResourceReport(snapshot, Optional.empty(), findings, exemption, plan);
    }

    private Optional<Exemption> exemption(ResourceSnapshot snapshot) {
        for (Map.Entry<String, String> tag : snapshot.tags().entrySet()) {
            if (tag.getKey().equalsIgnoreCase(policy.exemptionTag())) {
                return Optional.of(Exemption.parse(tag.getKey(), tag.getValue(), catalog.ids()));
            }
        }
        return Optional.empty();
    }

    private static FixOutlook outlook(Rule rule, Mode mode, Evaluation evaluation, RemediationPlan plan) {
        if (evaluation.status() != Status.FAIL) {
            return FixOutlook.of(FixOutlook.State.NOT_NEEDED, "");
        }
        Optional<PlanStep> step = plan.stepFor(rule.metadata().id());
        if (step.isPresent()) {
            return FixOutlook.planned(step.get().number());
        }
        if (evaluation.fix().isEmpty()) {
            return FixOutlook.of(FixOutlook.State.NONE, rule.metadata().fixClass() == FixClass.NONE
                    ? "no automatic fix; see the rule's page for the manual fix"
                    : "no automatic fix for this resource's configuration");
        }
        Fix fix = evaluation.fix().get();
        if (mode != Mode.ENFORCE) {
            return FixOutlook.of(FixOutlook.State.AUDIT_ONLY, "mode " + mode.label() + ": would change "
                    + String.join(", ", fix.changes().stream().map(c -> c.target()).toList())
                    + fix.blockedBy().map(b -> " (and is blocked: " + b + ")").orElse(""));
        }
        if (fix.blocked()) {
            return FixOutlook.of(FixOutlook.State.BLOCKED, fix.blockedBy().get());
        }
        return FixOutlook.of(FixOutlook.State.NOT_PLANNED,
                "another fix in the plan sets the same property; re-evaluated after the plan runs");
    }
}
