package com.baselineguard.cli;

import com.baselineguard.engine.Outcome;
import com.baselineguard.engine.Remediator;
import com.baselineguard.engine.Result;
import com.baselineguard.engine.WorkItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CLI has no queue: it runs a resource's deferred work inline, waiting until each follow-up is due,
 * so one command carries the whole plan to its end and reads the resource once more to verify it.
 *
 * <p>Waiting is bounded: no wait of a resource's chain (a follow-up's delay, a server's Retry-After
 * inside an invocation) ends after {@code --max-wait} from the chain's start. A follow-up due later is
 * not waited for at all: the chain stops there and says what it was waiting for ({@link Stopped}). With
 * {@code --no-wait} the chain stops after its first invocation, as {@code az ... --no-wait} returns once
 * the request is accepted.
 */
final class WorkRunner {

    /** How the command sleeps; tests give one that moves a fake clock instead. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    static final Sleeper THREAD_SLEEP = duration -> Thread.sleep(Math.max(0, duration.toMillis()));

    /** How long the command waits for a resource's work: {@code --max-wait}, or not at all ({@code --no-wait}). */
    record Waiting(Duration maxWait, boolean noWait) {

        static Waiting atMost(Duration maxWait) {
            return new Waiting(maxWait, false);
        }

        static Waiting none() {
            return new Waiting(Duration.ZERO, true);
        }

        /** {@code --max-wait 900 s} or {@code --no-wait}, as the report names it. */
        String option() {
            return noWait ? "--no-wait" : "--max-wait " + maxWait.toSeconds() + " s";
        }
    }

    /**
     * Why a chain ended before its work did: the follow-up it did not wait for.
     *
     * @param waiting the bound that stopped it
     * @param next the follow-up, due at {@code next.notBefore()}
     * @param waitingFor what the follow-up was for, as the last invocation said it (its reason)
     */
    record Stopped(Waiting waiting, WorkItem next, String waitingFor) {

        /** What the command did not wait for, in words. */
        String describe() {
            if (waiting.noWait()) {
                return "not waited for (--no-wait); next: " + waitingFor;
            }
            return "stopped waiting: " + waiting.option() + " ends before the next invocation is due ("
                    + next.notBefore().truncatedTo(ChronoUnit.SECONDS) + "); it was waiting for: " + waitingFor;
        }
    }

    /**
     * A resource's chain of invocations as this command ran it.
     *
     * @param outcomes every outcome record, the final one last
     * @param stopped why it ended before its work did, when it did
     * @param elapsed from the first invocation's start to the last one's end, waits included
     */
    record Chain(List<Outcome> outcomes, Optional<Stopped> stopped, Duration elapsed) {

        Chain {
            outcomes = List.copyOf(outcomes);
        }

        Outcome last() {
            return outcomes.get(outcomes.size() - 1);
        }
    }

    private final Remediator remediator;
    private final Clock clock;
    private final Waiting waiting;
    private final LiveProgress progress;
    private final Sleeper sleeper;

    WorkRunner(Remediator remediator, Clock clock, Waiting waiting, LiveProgress progress, Sleeper sleeper) {
        this.remediator = remediator;
        this.clock = clock;
        this.waiting = waiting;
        this.progress = progress;
        this.sleeper = sleeper;
    }

    WorkRunner(Remediator remediator, Clock clock, Waiting waiting, LiveProgress progress) {
        this(remediator, clock, waiting, progress, THREAD_SLEEP);
    }

    /** Runs a chain from its first work item; its --max-wait counts from now. */
    Chain run(WorkItem first) {
        Instant started = clock.instant();
        Instant deadline = started.plus(waiting.maxWait());
        List<Outcome> outcomes = new ArrayList<>();
        WorkItem item = first;
        while (true) {
            Outcome last = waiting.noWait() ? remediator.handle(item) : remediator.handle(item, deadline);
            outcomes.add(last);
            progress.accept(last);
            if (last.followUp().isEmpty()) {
                return new Chain(outcomes, Optional.empty(), Duration.between(started, clock.instant()));
            }
            WorkItem next = last.followUp().get();
            if (waiting.noWait() || next.notBefore().isAfter(deadline)) {
                return new Chain(outcomes, Optional.of(new Stopped(waiting, next, last.reason())),
                        Duration.between(started, clock.instant()));
            }
            sleepUntil(next, last.reason(), deadline);
            item = next;
        }
    }

    /** The chain of an outcome decided without an invocation (a skipped event). */
    Chain decided(Outcome outcome) {
        progress.accept(outcome);
        return new Chain(List.of(outcome), Optional.empty(), Duration.ZERO);
    }

    /** Sleeps until {@code next} is due, telling the progress line what it waits on every second. */
    private void sleepUntil(WorkItem next, String why, Instant deadline) {
        Duration wait = Duration.between(clock.instant(), next.notBefore());
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        progress.waitingStarts(next, wait, why);
        try {
            for (Duration left = wait; left.compareTo(Duration.ZERO) > 0;
                    left = Duration.between(clock.instant(), next.notBefore())) {
                progress.waiting(next, left, why, Duration.between(clock.instant(), deadline));
                sleeper.sleep(left.compareTo(Duration.ofSeconds(1)) < 0 ? left : Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the next step", e);
        }
    }

    /**
     * 0 when the chain's work is done: it ended compliant, audited (audit mode, dry run, blocked fixes),
     * skipped or gone, or, with {@code --no-wait}, its last step was accepted (remediated, not waited for).
     * 1 otherwise: a rule still fails to be fixed, a step is still to be sent, a change is not verified within
     * {@code --max-wait}, or the work was deferred, failed or contested.
     */
    static int exitCode(Chain chain) {
        Outcome last = chain.last();
        if (last.result() == Result.REMEDIATED) {
            return chain.stopped().map(s -> s.waiting().noWait()).orElse(false) ? ExitCodes.OK : ExitCodes.NON_COMPLIANT;
        }
        return switch (last.result()) {
            case COMPLIANT, AUDITED, SKIPPED, GONE -> ExitCodes.OK;
            default -> ExitCodes.NON_COMPLIANT;
        };
    }
}
