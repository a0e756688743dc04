package com.baselineguard.engine;

import com.baselineguard.engine.port.ArmGateway;
import com.baselineguard.engine.port.KeyVaultGateway;
import com.baselineguard.engine.port.KeyVaultUnavailableException;
import com.baselineguard.engine.port.Replies.Meaning;
import com.baselineguard.engine.port.Replies.Operation;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sends the plan's first step, exactly one request, and turns the reply into the invocation's verdict
 * as the reply table ({@link com.baselineguard.engine.port.Replies}) reads it:
 * <ul>
 *   <li>done or accepted: remediated (or partially, with the next step after the delay), the fix recorded
 *       in the ledger; the verification read follows;</li>
 *   <li>the resource changed since it was read (412), or a transient answer: deferred, nothing applied;</li>
 *   <li>gone: the work ends;</li>
 *   <li>a bad request (400, or a request Baseline Guard would not send): failed, and when later steps do
 *       not depend on it they go in the next invocation without it;</li>
 *   <li>a missing permission: failed, naming the RBAC action; anything else refused: failed.</li>
 * </ul>
 */
final class StepSender {

    private final KeyVaultGateway keyVault;
    private final ContestGuard guard;

    StepSender(KeyVaultGateway keyVault, ContestGuard guard) {
        this.keyVault = keyVault;
        this.guard = guard;
    }

    Verdict send(Invocation invocation, ResourceSnapshot snapshot, ResourceReport report, RemediationPlan plan) {
        PlanStep step = plan.steps().get(0);
        List<Finding> findings = report.findings();
        Optional<String> ifMatch = guard.ifMatch(snapshot, step);
        Reply reply;
        try {
            reply = send(invocation.arm(), step.request(), ifMatch);
        } catch (KeyVaultUnavailableException e) {
            return Verdict.later(Result.DEFERRED, "Key Vault unavailable: " + e.getMessage(), findings,
                    Action.of(List.of(step), Action.Status.SKIPPED, e.getMessage()));
        }
        return verdict(reply, snapshot, report, plan, ifMatch).waitingAtLeast(reply.retryAfter());
    }

    private Verdict verdict(Reply reply, ResourceSnapshot snapshot, ResourceReport report, RemediationPlan plan,
            Optional<String> ifMatch) {
        PlanStep step = plan.steps().get(0);
        List<Finding> findings = report.findings();
        List<PlanStep> rest = plan.steps().subList(1, plan.steps().size());
        Meaning meaning = reply.meaning(Operation.WRITE);
        if (meaning == Meaning.DONE || meaning == Meaning.ACCEPTED) {
            String unrecorded = guard.recordFix(snapshot, step);
            // An accepted request runs on as a long-running operation: its URL goes on record, so that whoever
            // reads the outcome can follow the operation (the pipeline itself re-reads the resource instead).
            List<Action> actions = new ArrayList<>(meaning == Meaning.ACCEPTED
                    ? Action.of(List.of(step), Action.Status.ACCEPTED, "HTTP " + reply.status(), reply.operation())
                    : Action.of(List.of(step), Action.Status.APPLIED, "HTTP " + reply.status()));
            actions.addAll(Action.of(rest, Action.Status.PENDING, "sent after step " + step.number() + " completes"));
            return Verdict.later(rest.isEmpty() ? Result.REMEDIATED : Result.PARTIALLY_REMEDIATED,
                    (rest.isEmpty() ? "the plan was sent; a verification read follows"
                            : "step 1 of " + plan.steps().size() + " sent; the next follows after a delay") + unrecorded,
                    findings, actions);
        }
        if (meaning == Meaning.GONE) {
            return Verdict.ends(Result.GONE, "the resource was deleted before the fix was sent", findings, List.of());
        }
        List<Action> skipped = Action.of(List.of(step), Action.Status.SKIPPED, reply.detail());
        if (meaning == Meaning.CHANGED) {
            return Verdict.later(Result.DEFERRED, "the resource changed after it was read (412 Precondition Failed on"
                    + " If-Match " + ifMatch.orElse("") + "); it is re-read later", findings, skipped);
        }
        if (meaning == Meaning.RETRY_LATER) {
            return reply.deferred(reply.service().label(), findings, skipped);
        }
        List<Action> failed = Action.of(List.of(step), Action.Status.FAILED, reply.detail());
        if (meaning == Meaning.BAD_REQUEST && !rest.isEmpty()) {
            long independent = Planning.independentOfFirst(report, plan);
            if (independent > 0) {
                return Verdict.later(Result.FAILED, step.method() + " refused: " + reply.detail() + "; " + independent
                        + " independent later step(s) continue in the next invocation", findings, failed)
                        .refusing(step.ruleIds());
            }
        }
        return reply.refused(Operation.WRITE, step.method(), permission(snapshot, step.request()), findings, failed);
    }

    /** Sends one request to the service it is for. */
    private Reply send(ArmGateway arm, PlanStep.Request request, Optional<String> ifMatch) {
        if (request instanceof PlanStep.PatchResource patch) {
            return Reply.of(arm.patch(patch.resource(), patch.body(), ifMatch));
        }
        if (request instanceof PlanStep.PutExtension put && put.kind() == RelatedKind.DIAGNOSTIC_SETTINGS) {
            return Reply.of(arm.putDiagnosticSetting(put.resource(), put.name(), put.body()));
        }
        if (request instanceof PlanStep.SetKeyRotationPolicy policy) {
            return Reply.of(keyVault.setRotationPolicy(policy.vaultUrl(), policy.keyName(), policy.body()));
        }
        throw new IllegalStateException("no gateway request for " + request.method() + " " + request.target());
    }

    /** The RBAC action (or Key Vault data action) a request needs, as a missing-permission outcome names it. */
    static String permission(ResourceSnapshot snapshot, PlanStep.Request request) {
        if (request instanceof PlanStep.SetKeyRotationPolicy) {
            return "Microsoft.KeyVault/vaults/keys/rotationpolicy/write (Key Vault data action)";
        }
        if (request instanceof PlanStep.PutExtension put) {
            // providers/{namespace}/{type}/{name} -> {namespace}/{type}/write
            String type = put.relativeId().replaceFirst("(?i)^providers/", "");
            return type.substring(0, type.lastIndexOf('/')) + "/write";
        }
        ResourceType type = snapshot.type();
        return type.armType() + "/write";
    }
}
