package com.baselineguard.engine;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.Catalog;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.Fix;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.Rule;
import com.baselineguard.rules.Status;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates one resource against the catalog under a policy and plans the fixes of the rules in
 * enforce mode. Pure: no I/O; the same snapshot and policy always give the same report.
 */
public final class Evaluator {

    /** A rule that runs under the policy, with its mode. */
    private record Active(Rule rule, String id, Mode mode) {
    }

    private final Catalog catalog;
    private final Policy policy;
    private final Planner planner = new Planner();
    /** The rules that run, per resource type, worked out once: the policy does not change. */
    private final Map<ResourceType, List<Active>> running = new EnumMap<>(ResourceType.class);

    public Evaluator(Catalog catalog, Policy policy) {
        this.catalog = catalog;
        this.policy = policy;
        for (ResourceType type : ResourceType.values()) {
            List<Active> active = new ArrayList<>();
            for (Rule rule : catalog.rulesFor(type)) {
                String id = rule.metadata().id();
                if (policy.runs(id)) {
                    active.add(new Active(rule, id, policy.modeOf(id)));
                }
            }
            running.put(type, List.copyOf(active));
        }
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
        List<Active> active = running.get(snapshot.type());
        if (exemption.isPresent()) {
            active = active.stream().filter(a -> !exemption.get().covers(a.id())).toList();
        }
        Evaluation[] evaluations = new Evaluation[active.size()];
        List<Rule> enforced = new ArrayList<>();
        Map<Rule, Evaluation> byRule = new IdentityHashMap<>();
        for (int i = 0; i < evaluations.length; i++) {
            Active a = active.get(i);
            evaluations[i] = a.rule().evaluate(snapshot, policy.ruleSettings());
            if (a.mode() == Mode.ENFORCE) {
                enforced.add(a.rule());
                byRule.put(a.rule(), evaluations[i]);
            }
        }
        RemediationPlan plan = planner.plan(snapshot, enforced, policy.ruleSettings(), byRule);
        List<Finding> findings = new ArrayList<>(evaluations.length);
        for (int i = 0; i < evaluations.length; i++) {
            Active a = active.get(i);
            findings.add(new Finding(a.rule().metadata(), a.mode(), evaluations[i], outlook(a.rule(), a.mode(), evaluations[i], plan)));
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
            return FixOutlook.of(FixOutlook.State.AUDIT_ONLY, () -> auditOnlyDetail(mode, fix));
        }
        if (fix.blocked()) {
            return FixOutlook.of(FixOutlook.State.BLOCKED, fix.blockedBy().get());
        }
        return FixOutlook.of(FixOutlook.State.NOT_PLANNED,
                "another fix in the plan sets the same property; re-evaluated after the plan runs");
    }

    private static String auditOnlyDetail(Mode mode, Fix fix) {
        StringBuilder text = new StringBuilder("mode ").append(mode.label()).append(": would change ");
        for (int i = 0; i < fix.changes().size(); i++) {
            text.append(i == 0 ? "" : ", ").append(fix.changes().get(i).target());
        }
        fix.blockedBy().ifPresent(b -> text.append(" (and is blocked: ").append(b).append(')'));
        return text.toString();
    }
}
