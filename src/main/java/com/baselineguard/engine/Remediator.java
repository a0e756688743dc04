package com.baselineguard.engine;

import com.baselineguard.arm.ArmGateway;
import com.baselineguard.arm.ArmResponse;
import com.baselineguard.arm.ArmUnavailableException;
import com.baselineguard.keyvault.KeyVaultGateway;
import com.baselineguard.keyvault.KeyVaultResponse;
import com.baselineguard.keyvault.KeyVaultUnavailableException;
import com.baselineguard.rules.Change;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceId;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.Catalog;
import com.baselineguard.rules.FixStage;
import com.baselineguard.rules.Rule;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.Status;
import com.google.gson.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Remediates one resource per invocation: reads it (never trusting event data), evaluates it,
 * plans, and in enforce mode sends the plan's next step only. Later steps and the verification
 * re-read are follow-ups after a delay, so an invocation never waits for a long-running operation.
 * Every invocation ends in exactly one {@link Outcome}; expected ARM answers (403, 404, 409, 400) are
 * outcomes, transient failures defer the work.
 */
public final class Remediator {

    /**
     * The most one invocation may spend on ARM, retry waits included (wall-clock time): Event Grid
     * waits 30 s for an answer before it redelivers.
     */
    public static final Duration INVOCATION_BUDGET = Duration.ofSeconds(25);
    /** The longest a server's Retry-After postpones the follow-up; beyond it the attempt bound decides. */
    static final Duration MAX_RETRY_AFTER_DEFERRAL = Duration.ofMinutes(15);

    /** Provisioning states in which the resource is not being changed (Redis, Batch accounts, pools). */
    private static final Set<String> SETTLED = Set.of("succeeded", "failed", "canceled", "cancelled", "disabled", "invalid");
    /**
     * Redis Enterprise clusters and databases also report {@code properties.resourceState}, which can
     * still be moving (e.g. {@code Scaling}, {@code Enabling}) after provisioningState says Succeeded.
     * These values are transitional: the work waits, as for an unsettled provisioningState. Any other
     * value than {@code Running} ({@code Disabled}, {@code *Failed}) is settled but not healthy: the
     * resource is evaluated and never written to.
     */
    private static final Set<String> TRANSITIONAL_RESOURCE_STATES =
            Set.of("creating", "updating", "deleting", "enabling", "disabling", "scaling", "moving");

    private final Evaluator evaluator;
    private final Catalog catalog;
    private final ArmGateway gateway;
    private final KeyVaultGateway keyVault;
    private final Clock clock;
    private final Duration followUpDelay;
    private final int maxAttempts;
    private final int contestMaxFixes;
    private final Duration contestWindow;
    private final FixLedger ledger;
    private final Duration budget;
    private final RelatedReads relatedReads;
    /** One invocation per resource at a time in this process; ARM's If-Match guards across instances. */
    private final ReentrantLock[] resourceLocks = new ReentrantLock[64];

    public Remediator(Evaluator evaluator, Catalog catalog, ArmGateway gateway, Clock clock, Duration followUpDelay,
            int maxAttempts) {
        this(evaluator, catalog, gateway, KeyVaultGateway.unavailable("no Key Vault gateway configured"), clock,
                new RemediationSettings(followUpDelay, maxAttempts), new InMemoryFixLedger(), INVOCATION_BUDGET);
    }

    /**
     * @param keyVault the Key Vault data plane, for the customer-managed key checks and fix of BATCH-010
     * @param ledger the fix history the loop and fight guard counts
     * @param budget the most one invocation may spend on ARM (wall-clock), retry waits included
     */
    public Remediator(Evaluator evaluator, Catalog catalog, ArmGateway gateway, KeyVaultGateway keyVault, Clock clock,
            RemediationSettings settings, FixLedger ledger, Duration budget) {
        this.evaluator = evaluator;
        this.catalog = catalog;
        this.gateway = gateway;
        this.keyVault = keyVault;
        this.clock = clock;
        this.followUpDelay = settings.followUpDelay();
        this.maxAttempts = settings.maxAttempts();
        this.contestMaxFixes = settings.contestMaxFixes();
        this.contestWindow = settings.contestWindow();
        this.ledger = ledger;
        this.budget = budget;
        this.relatedReads = new RelatedReads(catalog);
        for (int i = 0; i < resourceLocks.length; i++) {
            resourceLocks[i] = new ReentrantLock();
        }
    }

    public FixLedger ledger() {
        return ledger;
    }

    public ArmGateway gateway() {
        return gateway;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Why Baseline Guard would not act on this id at all (malformed, unsupported type, outside the
     * scopes), decided without any ARM call; empty when it would.
     */
    public Optional<String> refusal(String resourceId) {
        ResourceId id;
        try {
            id = ResourceId.parse(resourceId);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        if (ResourceType.fromArmType(id.type()).isEmpty()) {
            return Optional.of("type " + id.type() + " is not evaluated by Baseline Guard; supported: "
                    + String.join(", ", java.util.Arrays.stream(ResourceType.values()).map(ResourceType::armType).toList()));
        }
        if (!evaluator.policy().scopes().contains(id)) {
            return Optional.of("resource is outside the configured scopes (BG_SCOPES)");
        }
        return Optional.empty();
    }

    /** A fresh chain of work for a resource. */
    public WorkItem start(String resourceId, Trigger trigger, Optional<String> eventId, Optional<String> correlationId,
            boolean dryRun) {
        return new WorkItem(resourceId, trigger, eventId, correlationId.orElseGet(() -> UUID.randomUUID().toString()),
                dryRun, 0, clock.instant());
    }

    /**
     * The outcome of a chain of work that the queue gave up on (a poison message): failed, no ARM call.
     */
    public Outcome giveUp(WorkItem item, String reason) {
        return record(item, Result.FAILED, reason);
    }

    /** An outcome decided without reading the resource (a skipped event, a refused request). */
    public Outcome record(WorkItem item, Result result, String reason) {
        return new Outcome(UUID.randomUUID().toString(), item, ResourceTypeOf.of(item.resourceId()), result, reason,
                List.of(), List.of(), Duration.ZERO, 0, Optional.empty());
    }

    public Outcome handle(WorkItem item) {
        Invocation invocation = new Invocation(item);
        ReentrantLock lock = resourceLocks[Math.floorMod(item.resourceId().toLowerCase(Locale.ROOT).hashCode(),
                resourceLocks.length)];
        boolean locked;
        try {
            locked = lock.tryLock(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            locked = false;
        }
        if (!locked) {
            return invocation.busy();
        }
        try {
            return invocation.run();
        } finally {
            lock.unlock();
        }
    }

    /** One invocation: its own ARM call count, clock start and deadline. */
    private final class Invocation {
        private final WorkItem item;
        private final Instant started = clock.instant();
        private final ArmGateway arm = gateway.within(Instant.now().plus(budget));
        private int armCalls;
        private Optional<String> type = Optional.empty();
        private Duration followUpAfter = followUpDelay;
        private WorkItem nextItem;
        /** Related data the rules needed that could not be read, reported with the outcome. */
        private List<String> relatedProblems = List.of();

        Invocation(WorkItem item) {
            this.item = item;
        }

        Outcome busy() {
            return end(Result.DEFERRED, "another invocation is working on this resource; retried later", List.of(),
                    List.of(), true);
        }

        Outcome run() {
            Optional<String> refusal = refusal(item.resourceId());
            if (refusal.isPresent()) {
                return end(Result.SKIPPED, refusal.get(), List.of(), List.of(), false);
            }
            ResourceId id = ResourceId.parse(item.resourceId());
            Optional<ResourceType> resourceType = ResourceType.fromArmType(id.type());
            type = resourceType.map(ResourceType::armType);
            if (item.notBefore().isAfter(clock.instant())) {
                return end(Result.DEFERRED, "not due before " + item.notBefore(), List.of(), List.of(), true, item);
            }
            try {
                return evaluateAndFix(id, resourceType.get());
            } catch (ArmUnavailableException e) {
                return end(Result.DEFERRED, "Azure Resource Manager unavailable: " + e.getMessage(), List.of(), List.of(),
                        true);
            }
        }

        private Outcome evaluateAndFix(ResourceId id, ResourceType resourceType) {
            ArmResponse read = call(() -> arm.get(id));
            if (read.status() == 404) {
                return end(Result.GONE, "the resource no longer exists", List.of(), List.of(), false);
            }
            if (!read.ok() || read.object().isEmpty()) {
                return refused(read, "read", resourceType.armType() + "/read", List.of(), List.of());
            }
            ResourceSnapshot snapshot;
            try {
                snapshot = ResourceSnapshot.of(read.object().get());
            } catch (IllegalArgumentException e) {
                return end(Result.FAILED, "ARM answered with a body Baseline Guard cannot read: " + e.getMessage(),
                        List.of(), List.of(), false);
            }
            Optional<String> state = snapshot.string("properties.provisioningState");
            if (state.isPresent() && !SETTLED.contains(state.get().toLowerCase(Locale.ROOT))) {
                return end(Result.DEFERRED, "provisioningState is " + state.get() + "; waiting for it to settle", List.of(),
                        List.of(), true);
            }
            Optional<String> resourceState = snapshot.string("properties.resourceState");
            if (resourceState.isPresent()
                    && TRANSITIONAL_RESOURCE_STATES.contains(resourceState.get().toLowerCase(Locale.ROOT))) {
                return end(Result.DEFERRED, "resourceState is " + resourceState.get() + "; waiting for it to settle",
                        List.of(), List.of(), true);
            }
            ResourceReport report = evaluator.evaluate(snapshot);
            if (report.skipped().isPresent()) {
                return end(Result.SKIPPED, report.skipped().get(), List.of(), List.of(), false);
            }
            Set<RelatedKind> needed = relatedReads.needed(report);
            if (!needed.isEmpty()) {
                RelatedReads.Loaded loaded = relatedReads.load(snapshot, needed, arm, this::call);
                snapshot = loaded.snapshot();
                relatedProblems = loaded.problems();
            }
            Optional<URI> key = ruleActiveNeeding(resourceType, RelatedKind.KEYS) ? CustomerKeys.keyIdentifier(snapshot)
                    : Optional.empty();
            if (key.isPresent()) {
                snapshot = new CustomerKeys(arm, keyVault, clock, this::call).load(snapshot, key.get());
            }
            if (!needed.isEmpty() || key.isPresent()) {
                report = evaluator.evaluate(snapshot);
            }
            RemediationPlan plan = withoutRefused(report);
            if (plan.isEmpty() && !item.refusedRules().isEmpty()) {
                return end(Result.FAILED, "ARM refused the fix of " + String.join(", ", item.refusedRules())
                        + " earlier in this chain; no independent step remains", report.findings(), List.of(), false);
            }
            if (plan.isEmpty()) {
                boolean failing = failing(report);
                return end(failing ? Result.AUDITED : Result.COMPLIANT,
                        failing ? "rules fail; their fixes are audit-only or blocked (see findings)" : "nothing fails",
                        report.findings(), List.of(), false);
            }
            if (item.dryRun()) {
                return end(Result.AUDITED, "dry run: " + plan.steps().size() + " step(s) planned, nothing sent",
                        report.findings(), actions(plan, Action.Status.PLANNED, "dry run"), false);
            }
            if (state.isPresent() && !state.get().equalsIgnoreCase("Succeeded")) {
                return end(Result.AUDITED, "provisioningState is " + state.get() + "; Baseline Guard writes only to a"
                        + " resource in state Succeeded", report.findings(), actions(plan, Action.Status.SKIPPED,
                        "provisioningState " + state.get()), false);
            }
            if (resourceState.isPresent() && !resourceState.get().equalsIgnoreCase("Running")) {
                return end(Result.AUDITED, "resourceState is " + resourceState.get() + "; Baseline Guard writes only to a"
                        + " resource in state Running", report.findings(), actions(plan, Action.Status.SKIPPED,
                        "resourceState " + resourceState.get()), false);
            }
            return sendFirstStep(snapshot, report, plan);
        }

        /**
         * The plan without the steps ARM refused earlier in this chain and without the later steps
         * that depend on them (see {@link StepIndependence}).
         */
        private RemediationPlan withoutRefused(ResourceReport report) {
            RemediationPlan plan = report.plan();
            if (item.refusedRules().isEmpty()) {
                return plan;
            }
            Map<PlanStep, FixStage> refused = new LinkedHashMap<>();
            List<PlanStep> kept = new ArrayList<>();
            for (PlanStep step : plan.steps()) {
                if (step.ruleIds().stream().anyMatch(item.refusedRules()::contains)) {
                    refused.put(step, stageOf(report, step));
                } else if (refused.isEmpty() || StepIndependence.independent(step, stageOf(report, step), refused)) {
                    kept.add(step);
                }
            }
            return new RemediationPlan(kept);
        }

        private Outcome sendFirstStep(ResourceSnapshot snapshot, ResourceReport report, RemediationPlan plan) {
            PlanStep step = plan.steps().get(0);
            Optional<Outcome> contested = contested(snapshot, report, plan, step);
            if (contested.isPresent()) {
                return contested.get();
            }
            Optional<Change.KeyRotationPolicy> keyPolicy = keyRotationPolicy(step);
            Optional<String> etag = keyPolicy.isPresent() ? Optional.empty() : snapshot.string("etag");
            ArmResponse response;
            if (keyPolicy.isPresent()) {
                try {
                    response = setRotationPolicy(keyPolicy.get(), step);
                } catch (KeyVaultUnavailableException e) {
                    List<Action> skipped = new ArrayList<>();
                    step.changes().forEach(c -> skipped.add(Action.of(step, c, Action.Status.SKIPPED, e.getMessage())));
                    return end(Result.DEFERRED, "Key Vault unavailable: " + e.getMessage(), report.findings(), skipped,
                            true);
                }
            } else {
                response = call(() -> step.method().equals("PATCH")
                        ? arm.patch(snapshot.id(), step.body(), etag)
                        : arm.putDiagnosticSetting(snapshot.id(), extensionName(step), step.body()));
            }
            List<Action> actions = new ArrayList<>();
            boolean more = plan.steps().size() > 1;
            response.retryAfter().filter(r -> r.compareTo(followUpAfter) > 0)
                    .ifPresent(r -> followUpAfter = r.compareTo(MAX_RETRY_AFTER_DEFERRAL) > 0 ? MAX_RETRY_AFTER_DEFERRAL : r);
            if (response.ok()) {
                String unrecorded = "";
                try {
                    ledger.record(snapshot.id().toString(), step.ruleIds(), clock.instant());
                } catch (RuntimeException e) {
                    unrecorded = "; the fix could not be recorded in the fix ledger (" + e.getClass().getSimpleName() + ")";
                }
                Action.Status status = response.status() == 202 ? Action.Status.ACCEPTED : Action.Status.APPLIED;
                step.changes().forEach(c -> actions.add(Action.of(step, c, status, "HTTP " + response.status())));
                actions.addAll(actions(plan.steps().subList(1, plan.steps().size()), Action.Status.PENDING,
                        "sent after step " + step.number() + " completes"));
                return end(more ? Result.PARTIALLY_REMEDIATED : Result.REMEDIATED,
                        (more ? "step 1 of " + plan.steps().size() + " sent; the next follows after a delay"
                                : "the plan was sent; a verification read follows") + unrecorded,
                        report.findings(), actions, true);
            }
            String detail = response.error().map(Object::toString).orElse("HTTP " + response.status());
            if (response.status() == 412) {
                step.changes().forEach(c -> actions.add(Action.of(step, c, Action.Status.SKIPPED, detail)));
                return end(Result.DEFERRED, "the resource changed after it was read (412 Precondition Failed on If-Match "
                        + etag.orElse("") + "); it is re-read later", report.findings(), actions, true);
            }
            if (response.status() == 409 || response.status() == 429 || response.status() >= 500) {
                step.changes().forEach(c -> actions.add(Action.of(step, c, Action.Status.SKIPPED, detail)));
                return end(Result.DEFERRED, "ARM answered " + response.status() + " (" + detail + "); retried later",
                        report.findings(), actions, true);
            }
            if (response.status() == 404) {
                return end(Result.GONE, "the resource was deleted before the fix was sent", report.findings(), List.of(),
                        false);
            }
            step.changes().forEach(c -> actions.add(Action.of(step, c, Action.Status.FAILED, detail)));
            if (response.status() == 400 && more) {
                Map<PlanStep, FixStage> refusedNow = Map.of(step, stageOf(report, step));
                long independent = plan.steps().subList(1, plan.steps().size()).stream()
                        .filter(s -> StepIndependence.independent(s, stageOf(report, s), refusedNow)).count();
                if (independent > 0) {
                    nextItem = item.refusing(step.ruleIds());
                    return end(Result.FAILED, step.method() + " refused: " + detail + "; " + independent
                            + " independent later step(s) continue in the next invocation", report.findings(), actions, true);
                }
            }
            return refused(response, step.method(), writeAction(snapshot.type(), step), report.findings(), actions);
        }

        /** A Key Vault answer in the shape the ARM outcome handling reads (Key Vault's error envelope is ARM's). */
        private ArmResponse setRotationPolicy(Change.KeyRotationPolicy change, PlanStep step) {
            URI key = URI.create(change.keyIdentifier());
            String name = key.getPath().substring(key.getPath().lastIndexOf('/') + 1);
            KeyVaultResponse answer = keyVault.setRotationPolicy("https://" + key.getAuthority(), name, step.body());
            if (answer.status() == KeyVaultResponse.NOT_SENT) {
                return new ArmResponse(400, error("NotSent", answer.detail()), Optional.empty(), Optional.empty());
            }
            return new ArmResponse(answer.status(), answer.ok() ? answer.body().orElse(null)
                    : error("KeyVault", answer.detail()), Optional.empty(), Optional.empty());
        }

        private boolean ruleActiveNeeding(ResourceType resourceType, RelatedKind kind) {
            Policy policy = evaluator.policy();
            for (Rule rule : catalog.rulesFor(resourceType)) {
                String ruleId = rule.metadata().id();
                if (policy.runs(ruleId) && rule.relatedData().contains(kind)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The loop and fight guard: when a rule of this step was already fixed {@code contestMaxFixes}
         * times within the window, something keeps reverting it; no PATCH until the window passes.
         */
        private Optional<Outcome> contested(ResourceSnapshot snapshot, ResourceReport report, RemediationPlan plan,
                PlanStep step) {
            Instant since = clock.instant().minus(contestWindow);
            List<String> fought = new ArrayList<>();
            try {
                for (String ruleId : step.ruleIds()) {
                    if (ledger.fixesSince(snapshot.id().toString(), ruleId, since) >= contestMaxFixes) {
                        fought.add(ruleId);
                    }
                }
            } catch (RuntimeException e) {
                return Optional.of(end(Result.DEFERRED, "the fix ledger cannot be read (" + e.getClass().getSimpleName()
                        + "); nothing sent, retried later", report.findings(), actions(plan, Action.Status.SKIPPED,
                        "fix ledger unavailable"), true));
            }
            if (fought.isEmpty()) {
                return Optional.empty();
            }
            String why = "contested: " + String.join(", ", fought) + " fixed " + contestMaxFixes + " times within "
                    + contestWindow.toMinutes() + " min and reverted again; no PATCH until the window passes";
            return Optional.of(end(Result.CONTESTED, why, report.findings(), actions(plan, Action.Status.SKIPPED, why),
                    false));
        }

        private Outcome refused(ArmResponse response, String what, String action, List<Finding> findings,
                List<Action> actions) {
            String detail = response.error().map(Object::toString).orElse("HTTP " + response.status());
            response.retryAfter().filter(r -> r.compareTo(followUpAfter) > 0)
                    .ifPresent(r -> followUpAfter = r.compareTo(MAX_RETRY_AFTER_DEFERRAL) > 0 ? MAX_RETRY_AFTER_DEFERRAL : r);
            if (response.status() == 403) {
                Optional<String> linked = response.error().flatMap(e -> LinkedAuthorization.describe(e.code(), e.message(),
                        evaluator.policy().ruleSettings().diagnosticsWorkspaceId()));
                return end(Result.FAILED, linked.orElse("permission missing: " + action + " (" + detail + ")"), findings,
                        actions, false);
            }
            if (response.status() == 409 || response.status() == 429 || response.status() >= 500 || response.status() == 408) {
                return end(Result.DEFERRED, what + " answered " + response.status() + " (" + detail + "); retried later",
                        findings, actions, true);
            }
            return end(Result.FAILED, what + " refused: " + detail, findings, actions, false);
        }

        private ArmResponse call(java.util.function.Supplier<ArmResponse> request) {
            armCalls++;
            return request.get();
        }

        private Outcome end(Result result, String reason, List<Finding> findings, List<Action> actions, boolean followUp) {
            return end(result, reason, findings, actions, followUp, null);
        }

        private Outcome end(Result result, String reason, List<Finding> findings, List<Action> actions, boolean followUp,
                WorkItem sameItem) {
            Instant now = clock.instant();
            Optional<WorkItem> next = Optional.empty();
            Result finalResult = result;
            String finalReason = relatedProblems.isEmpty() ? reason
                    : reason + "; related data not loaded (its rules are not evaluated): "
                            + String.join("; ", relatedProblems);
            if (followUp) {
                if (sameItem != null) {
                    next = Optional.of(sameItem);
                } else if (item.attempt() + 1 >= maxAttempts) {
                    finalResult = result == Result.DEFERRED ? Result.FAILED : result;
                    finalReason = reason + "; gave up after " + maxAttempts + " attempts";
                } else {
                    next = Optional.of((nextItem == null ? item : nextItem).next(now, followUpAfter));
                }
            }
            return new Outcome(UUID.randomUUID().toString(), item, type, finalResult, finalReason, findings, actions,
                    Duration.between(started, now), armCalls, next);
        }
    }

    /** The supported type an id names, if it parses. */
    private static final class ResourceTypeOf {
        static Optional<String> of(String resourceId) {
            try {
                return ResourceType.fromArmType(ResourceId.parse(resourceId).type()).map(ResourceType::armType);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    private static boolean failing(ResourceReport report) {
        return report.findings().stream()
                .anyMatch(f -> f.status() == Status.FAIL && f.rule().severity() != Severity.INFORMATIONAL);
    }

    private static List<Action> actions(RemediationPlan plan, Action.Status status, String detail) {
        return actions(plan.steps(), status, detail);
    }

    private static List<Action> actions(List<PlanStep> steps, Action.Status status, String detail) {
        List<Action> actions = new ArrayList<>();
        for (PlanStep step : steps) {
            step.changes().forEach(c -> actions.add(Action.of(step, c, status, detail)));
        }
        return actions;
    }

    private static Optional<Change.KeyRotationPolicy> keyRotationPolicy(PlanStep step) {
        return step.changes().stream().map(PlannedChange::change).filter(Change.KeyRotationPolicy.class::isInstance)
                .map(Change.KeyRotationPolicy.class::cast).findFirst();
    }

    private static JsonObject error(String code, String message) {
        JsonObject inner = new JsonObject();
        inner.addProperty("code", code);
        inner.addProperty("message", message);
        JsonObject error = new JsonObject();
        error.add("error", inner);
        return error;
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

    private static String extensionName(PlanStep step) {
        return step.target().substring(step.target().lastIndexOf('/') + 1);
    }

    private static String writeAction(ResourceType type, PlanStep step) {
        if (keyRotationPolicy(step).isPresent()) {
            return "Microsoft.KeyVault/vaults/keys/rotationpolicy/write (Key Vault data action)";
        }
        return step.method().equals("PUT") ? "Microsoft.Insights/diagnosticSettings/write" : type.armType() + "/write";
    }
}
