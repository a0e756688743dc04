package com.baselineguard.engine;

import com.baselineguard.model.ResourceId;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Whether an invocation may act, and how far: the first gate of the pipeline and the last one before a
 * write.
 *
 * <p>Before anything is read, an id Baseline Guard does not act on at all (malformed, a type it does not
 * evaluate, outside {@code BG_SCOPES}) is skipped, and work that is not due yet goes back unchanged.
 * After the evaluation, nothing is sent when the resource is exempt or out of scope, when nothing fails
 * or every failing rule's fix is audit-only or blocked under its mode, when the steps ARM refused earlier
 * in the chain leave nothing independent, in a dry run, or when the resource is not in a state Baseline
 * Guard writes to.
 */
final class Admission {

    private final Policy policy;

    Admission(Policy policy) {
        this.policy = policy;
    }

    /**
     * Why Baseline Guard would not act on this id at all (malformed, unsupported type, outside the
     * scopes), decided without any ARM call; empty when it would.
     */
    Optional<String> refusal(String resourceId) {
        ResourceId id;
        try {
            id = ResourceId.parse(resourceId);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        if (ResourceType.fromArmType(id.type()).isEmpty()) {
            return Optional.of("type " + id.type() + " is not evaluated by Baseline Guard; supported: "
                    + String.join(", ", Arrays.stream(ResourceType.values()).map(ResourceType::armType).toList()));
        }
        if (!policy.scopes().contains(id)) {
            return Optional.of("resource is outside the configured scopes (BG_SCOPES)");
        }
        return Optional.empty();
    }

    /** The type an id names, when it parses and Baseline Guard evaluates the type. */
    static Optional<String> typeOf(String resourceId) {
        try {
            return ResourceType.fromArmType(ResourceId.parse(resourceId).type()).map(ResourceType::armType);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Work that is not due yet goes back as it is. */
    Optional<Verdict> notDue(WorkItem item, Instant now) {
        return item.notBefore().isAfter(now) ? Optional.of(Verdict.notYet("not due before " + item.notBefore()))
                : Optional.empty();
    }

    /**
     * Whether the first step of {@code plan} may be sent; empty when it may.
     *
     * @param plan the plan this invocation works from ({@link Planning})
     */
    Optional<Verdict> beforeWriting(WorkItem item, ResourceSnapshot snapshot, ResourceReport report,
            RemediationPlan plan) {
        if (report.skipped().isPresent()) {
            return Optional.of(Verdict.ends(Result.SKIPPED, report.skipped().get()));
        }
        if (plan.isEmpty() && !item.refusedRules().isEmpty()) {
            return Optional.of(Verdict.ends(Result.FAILED, "ARM refused the fix of " + String.join(", ", new TreeSet<>(item.refusedRules()))
                    + " earlier in this chain; no independent step remains", report.findings(), List.of()));
        }
        if (plan.isEmpty()) {
            boolean failing = report.failed();
            return Optional.of(Verdict.ends(failing ? Result.AUDITED : Result.COMPLIANT,
                    failing ? "rules fail; their fixes are audit-only or blocked (see findings)" : "nothing fails",
                    report.findings(), List.of()));
        }
        if (item.dryRun()) {
            return Optional.of(Verdict.ends(Result.AUDITED, "dry run: " + plan.steps().size()
                    + " step(s) planned, nothing sent", report.findings(),
                    Action.of(plan.steps(), Action.Status.PLANNED, "dry run")));
        }
        return notWritable(snapshot, "properties.provisioningState", "Succeeded", report, plan)
                .or(() -> notWritable(snapshot, "properties.resourceState", "Running", report, plan));
    }

    /**
     * A resource whose state (settled, see {@link FollowUps#untilSettled}) is not the healthy one, e.g.
     * provisioningState Failed or a Redis Enterprise resourceState Disabled, is evaluated and never
     * written to.
     */
    private static Optional<Verdict> notWritable(ResourceSnapshot snapshot, String path, String healthy,
            ResourceReport report, RemediationPlan plan) {
        Optional<String> state = snapshot.string(path);
        if (state.isEmpty() || state.get().equalsIgnoreCase(healthy)) {
            return Optional.empty();
        }
        String name = path.substring(path.lastIndexOf('.') + 1);
        return Optional.of(Verdict.ends(Result.AUDITED, name + " is " + state.get() + "; Baseline Guard writes only to a"
                + " resource in state " + healthy, report.findings(),
                Action.of(plan.steps(), Action.Status.SKIPPED, name + " " + state.get())));
    }
}
