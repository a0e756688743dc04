package com.baselineguard.engine;

import com.baselineguard.engine.port.ArmGateway;
import com.baselineguard.engine.port.ArmUnavailableException;
import com.baselineguard.engine.port.FixLedger;
import com.baselineguard.engine.port.KeyVaultGateway;
import com.baselineguard.model.ResourceId;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.Catalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Remediates one resource per invocation, in named steps:
 * <ol>
 *   <li>{@link ContestGuard#hold}: one invocation per resource at a time in this process;</li>
 *   <li>{@link Admission}: is this an id Baseline Guard acts on, and is the work due;</li>
 *   <li>{@link ResourceReader}: read the resource (never trusting event data); {@link FollowUps#untilSettled}
 *       waits while its state is moving; then the related data its running rules need ({@link RelatedReads});</li>
 *   <li>{@link Planning}: evaluate and plan, less the steps ARM refused earlier in the chain;</li>
 *   <li>{@link Admission#beforeWriting}: exempt, nothing to send, dry run, or not in a writable state;</li>
 *   <li>{@link ContestGuard#beforeSending}: the loop and fight guard;</li>
 *   <li>{@link StepSender}: in enforce mode, send the plan's next step only, and read the reply through the
 *       one reply table;</li>
 *   <li>{@link FollowUps}: the outcome record, and the follow-up work: later steps and the verification
 *       read come after a delay, so an invocation never waits for a long-running operation.</li>
 * </ol>
 * Every invocation ends in exactly one {@link Outcome}; expected answers (403, 404, 409, 400) are
 * outcomes, transient failures defer the work.
 */
public final class Remediator {

    /**
     * The most one invocation may spend on ARM, retry waits included (wall-clock time): Event Grid
     * waits 30 s for an answer before it redelivers.
     */
    public static final Duration INVOCATION_BUDGET = Duration.ofSeconds(25);

    private final ArmGateway gateway;
    private final Clock clock;
    private final Duration budget;
    private final Admission admission;
    private final ContestGuard guard;
    private final ResourceReader reader;
    private final RelatedReads related;
    private final Planning planning;
    private final StepSender sender;
    private final FollowUps followUps;

    /**
     * @param keyVault the Key Vault data plane, for the customer-managed key checks and fix of BATCH-010
     * @param ledger the fix history the loop and fight guard counts
     * @param budget the most one invocation may spend on ARM (wall-clock), retry waits included
     */
    public Remediator(Evaluator evaluator, Catalog catalog, ArmGateway gateway, KeyVaultGateway keyVault, Clock clock,
            RemediationSettings settings, FixLedger ledger, Duration budget) {
        this.gateway = gateway;
        this.clock = clock;
        this.budget = budget;
        this.admission = new Admission(evaluator.policy());
        this.guard = new ContestGuard(ledger, clock, settings);
        this.reader = new ResourceReader();
        this.related = new RelatedReads(catalog, keyVault, clock);
        this.planning = new Planning(evaluator);
        this.sender = new StepSender(keyVault, guard);
        this.followUps = new FollowUps(clock, settings);
    }

    /**
     * Why Baseline Guard would not act on this id at all (malformed, unsupported type, outside the
     * scopes), decided without any ARM call; empty when it would.
     */
    public Optional<String> refusal(String resourceId) {
        return admission.refusal(resourceId);
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
        return FollowUps.recorded(item, result, reason);
    }

    /** One invocation: the pipeline, run on the resource the work item names. */
    public Outcome handle(WorkItem item) {
        return handle(item, gateway.within(Instant.now().plus(budget)));
    }

    /**
     * One invocation for a caller that waits no longer than {@code waitsEndBy} (the command line's
     * {@code --max-wait}): ARM retry waits end by then as well as within the budget; a Retry-After beyond it
     * defers the work with the server's wait, which the caller sees as the follow-up's due time.
     */
    public Outcome handle(WorkItem item, Instant waitsEndBy) {
        return handle(item, gateway.within(Instant.now().plus(budget), waitsEndBy));
    }

    private Outcome handle(WorkItem item, ArmGateway arm) {
        Invocation invocation = new Invocation(item, clock.instant(), arm);
        Optional<ContestGuard.Hold> hold = guard.hold(item.resourceId(), budget);
        if (hold.isEmpty()) {
            return followUps.outcome(invocation, Verdict.later(Result.DEFERRED,
                    "another invocation is working on this resource; retried later"));
        }
        try (ContestGuard.Hold held = hold.get()) {
            return followUps.outcome(invocation, run(invocation));
        }
    }

    private Verdict run(Invocation invocation) {
        WorkItem item = invocation.item();
        Optional<String> refusal = admission.refusal(item.resourceId());
        if (refusal.isPresent()) {
            return Verdict.ends(Result.SKIPPED, refusal.get());
        }
        ResourceId id = ResourceId.parse(item.resourceId());
        ResourceType type = ResourceType.fromArmType(id.type()).orElseThrow();
        invocation.admitted(type);
        Optional<Verdict> notDue = admission.notDue(item, clock.instant());
        if (notDue.isPresent()) {
            return notDue.get();
        }
        try {
            return readAndFix(invocation, id, type);
        } catch (ArmUnavailableException e) {
            return Verdict.later(Result.DEFERRED, "Azure Resource Manager unavailable: " + e.getMessage());
        }
    }

    private Verdict readAndFix(Invocation invocation, ResourceId id, ResourceType type) {
        ResourceReader.Read read = reader.read(invocation.arm(), id, type);
        if (read.ended().isPresent()) {
            return read.ended().get();
        }
        Optional<Verdict> settling = followUps.untilSettled(read.snapshot().get());
        if (settling.isPresent()) {
            return settling.get();
        }
        // The body is evaluated once to learn which related data its rules need, and that evaluation is the
        // invocation's own when nothing more was read.
        ResourceReport bodyReport = planning.evaluate(read.snapshot().get());
        RelatedReads.Loaded loaded = related.load(bodyReport, invocation.arm());
        invocation.relatedNotRead(loaded.problems());
        if (loaded.deferred().isPresent()) {
            return loaded.deferred().get();
        }
        ResourceSnapshot snapshot = loaded.snapshot();
        ResourceReport evaluated = snapshot == bodyReport.snapshot() ? bodyReport : planning.evaluate(snapshot);
        Planning.Planned planned = planning.plan(evaluated, invocation.item().refusedRules());
        ResourceReport report = planned.report();
        invocation.evaluated(report);
        RemediationPlan plan = planned.plan();
        return admission.beforeWriting(invocation.item(), snapshot, report, plan)
                .or(() -> guard.beforeSending(snapshot, report, plan))
                .orElseGet(() -> sender.send(invocation, snapshot, report, plan));
    }
}
