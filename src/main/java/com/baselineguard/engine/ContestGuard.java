package com.baselineguard.engine;

import com.baselineguard.engine.port.FixLedger;
import com.baselineguard.model.ResourceSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps Baseline Guard from fighting over a resource, with itself and with others.
 *
 * <ul>
 *   <li>Concurrent writers: one invocation per resource at a time in this process ({@link #hold});
 *       across instances, a PATCH carries the etag it read as {@code If-Match} ({@link #ifMatch}), so
 *       ARM refuses it (412) when someone wrote in between.</li>
 *   <li>Its own writes, reverted: every accepted fix is recorded in the fix ledger ({@link #recordFix});
 *       when a rule of the next step was fixed {@code BG_CONTEST_MAX_FIXES} times within
 *       {@code BG_CONTEST_WINDOW_MINUTES}, something keeps reverting it and nothing is sent until the
 *       window passes ({@link #beforeSending}).</li>
 * </ul>
 */
final class ContestGuard {

    private final FixLedger ledger;
    private final Clock clock;
    private final int maxFixes;
    private final Duration window;
    private final ReentrantLock[] locks = new ReentrantLock[64];

    ContestGuard(FixLedger ledger, Clock clock, RemediationSettings settings) {
        this.ledger = ledger;
        this.clock = clock;
        this.maxFixes = settings.contestMaxFixes();
        this.window = settings.contestWindow();
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** The resource, held by one invocation of this process; closing it lets the next one in. */
    static final class Hold implements AutoCloseable {
        private final ReentrantLock lock;

        private Hold(ReentrantLock lock) {
            this.lock = lock;
        }

        @Override
        public void close() {
            lock.unlock();
        }
    }

    /** Holds the resource for one invocation, waiting at most {@code wait}; empty when another keeps it. */
    Optional<Hold> hold(String resourceId, Duration wait) {
        ReentrantLock lock = locks[Math.floorMod(resourceId.toLowerCase(Locale.ROOT).hashCode(), locks.length)];
        try {
            return lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS) ? Optional.of(new Hold(lock)) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The etag a PATCH of the resource must still match, when the resource has one; other requests carry none. */
    Optional<String> ifMatch(ResourceSnapshot snapshot, PlanStep step) {
        return step.request() instanceof PlanStep.PatchResource ? snapshot.string("etag") : Optional.empty();
    }

    /**
     * The loop and fight guard, before the plan's first step is sent: contested when one of its rules
     * was fixed too often within the window; deferred when the ledger cannot be read. Empty when it may go.
     */
    Optional<Verdict> beforeSending(ResourceSnapshot snapshot, ResourceReport report, RemediationPlan plan) {
        PlanStep step = plan.steps().get(0);
        Instant since = clock.instant().minus(window);
        List<String> fought = new ArrayList<>();
        try {
            for (String ruleId : step.ruleIds()) {
                if (ledger.fixesSince(snapshot.id().toString(), ruleId, since) >= maxFixes) {
                    fought.add(ruleId);
                }
            }
        } catch (RuntimeException e) {
            return Optional.of(Verdict.later(Result.DEFERRED, "the fix ledger cannot be read ("
                    + e.getClass().getSimpleName() + "); nothing sent, retried later", report.findings(),
                    Action.of(plan.steps(), Action.Status.SKIPPED, "fix ledger unavailable")));
        }
        if (fought.isEmpty()) {
            return Optional.empty();
        }
        String why = "contested: " + String.join(", ", fought) + " fixed " + maxFixes + " times within "
                + window.toMinutes() + " min and reverted again; no PATCH until the window passes";
        return Optional.of(Verdict.ends(Result.CONTESTED, why, report.findings(),
                Action.of(plan.steps(), Action.Status.SKIPPED, why)));
    }

    /**
     * Records an accepted fix in the ledger.
     *
     * @return what the outcome adds when the fix could not be recorded; empty text when it was
     */
    String recordFix(ResourceSnapshot snapshot, PlanStep step) {
        try {
            ledger.record(snapshot.id().toString(), step.ruleIds(), clock.instant());
            return "";
        } catch (RuntimeException e) {
            return "; the fix could not be recorded in the fix ledger (" + e.getClass().getSimpleName() + ")";
        }
    }
}
