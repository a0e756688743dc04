package com.baselineguard.cli;

import com.baselineguard.engine.Outcome;
import com.baselineguard.engine.Remediator;
import com.baselineguard.engine.WorkItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The CLI has no queue: it runs a resource's deferred work inline, waiting until each follow-up is
 * due, so one command carries the whole plan to its end. Waiting is bounded by {@code maxWait}.
 */
final class WorkRunner {

    private final Remediator remediator;
    private final Clock clock;
    private final Duration maxWait;
    private final LiveProgress progress;

    WorkRunner(Remediator remediator, Clock clock, Duration maxWait, LiveProgress progress) {
        this.remediator = remediator;
        this.clock = clock;
        this.maxWait = maxWait;
        this.progress = progress;
    }

    /** Every outcome of the chain, the final one last. */
    List<Outcome> run(WorkItem first) {
        List<Outcome> outcomes = new ArrayList<>();
        Instant deadline = clock.instant().plus(maxWait);
        WorkItem item = first;
        while (true) {
            Outcome outcome = remediator.handle(item);
            outcomes.add(outcome);
            progress.accept(outcome);
            if (outcome.followUp().isEmpty()) {
                return outcomes;
            }
            WorkItem next = outcome.followUp().get();
            Instant now = clock.instant();
            if (next.notBefore().isAfter(deadline)) {
                return outcomes;
            }
            sleepUntil(now, next, outcome.reason());
            item = next;
        }
    }

    /** Sleeps until {@code next} is due, telling the progress line what it waits on every second. */
    private void sleepUntil(Instant now, WorkItem next, String why) {
        long millis = Duration.between(now, next.notBefore()).toMillis();
        if (millis <= 0) {
            return;
        }
        progress.waitingStarts(next, Duration.ofMillis(millis), why);
        long end = System.nanoTime() + millis * 1_000_000;
        try {
            for (long left = millis; left > 0; left = (end - System.nanoTime()) / 1_000_000) {
                progress.waiting(next, Duration.ofMillis(left), why);
                Thread.sleep(Math.min(left, 1000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the next step", e);
        }
    }

    /** 0 when the chain ended done (compliant, remediated, audited, skipped, gone), 1 otherwise. */
    static int exitCode(Outcome last) {
        return switch (last.result()) {
            case COMPLIANT, REMEDIATED, AUDITED, SKIPPED, GONE -> ExitCodes.OK;
            default -> ExitCodes.NON_COMPLIANT;
        };
    }
}
