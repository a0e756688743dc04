package com.baselineguard.cli;

import com.baselineguard.app.Composition;
import com.baselineguard.engine.Outcome;
import com.baselineguard.engine.port.OutcomeSink;
import com.baselineguard.engine.WorkItem;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What the live commands report on standard error while they work: each outcome record as it is
 * made (the record of truth; not with --quiet), then published to the outcome topic when one is
 * configured (a failed publish is one more line, never an error), and on a terminal one progress line:
 * the resource in hand, how many are done, the rate, the time elapsed, and what the command is waiting on.
 */
final class LiveProgress implements Consumer<Outcome> {

    private final Composition composition;
    private final Console console;
    private final String command;
    private String position = "";

    LiveProgress(Composition composition, Console console, String command) {
        this.composition = composition;
        this.console = console;
        this.command = command;
    }

    /** A sweep or a delivery works through {@code total} resources; {@code done} are finished. */
    void position(int done, int total) {
        double seconds = Math.max(0.001, console.elapsed().toMillis() / 1000.0);
        position = String.format(Locale.ROOT, " %d/%d, %.1f/min", done, total, done * 60 / seconds);
        console.progress(prefix() + "starting the next resource");
    }

    /** A note that is not an outcome, e.g. the Resource Graph pages read so far. */
    void note(String text) {
        console.progress(prefix() + text);
    }

    @Override
    public void accept(Outcome outcome) {
        console.info(outcome.logLine());
        try {
            composition.outcomeSink().publish(outcome.event(OutcomeSink.source("cli"))).ifPresent(console::info);
        } catch (RuntimeException e) {
            console.info("BaselineGuardOutcomeNotPublished outcomeId=" + outcome.outcomeId() + " error="
                    + e.getClass().getSimpleName() + " (the publisher could not be built)");
        }
        console.progress(prefix() + name(outcome.item()) + ": " + outcome.result().label() + " - " + outcome.reason());
    }

    /**
     * The command sleeps until the follow-up of a resource is due; {@code left} of it remains, and
     * {@code maxWaitLeft} of the resource's {@code --max-wait}.
     */
    void waiting(WorkItem next, Duration left, String why, Duration maxWaitLeft) {
        String until = LocalTime.now(ZoneId.systemDefault()).plus(left).truncatedTo(ChronoUnit.SECONDS).toString();
        String text = "waiting " + seconds(left) + " s (until " + until + ", --max-wait: " + seconds(maxWaitLeft)
                + " s left) to follow up on " + name(next) + ": " + why;
        console.progress(prefix() + text);
    }

    /** Said once per wait, with --verbose, also when standard error is not a terminal. */
    void waitingStarts(WorkItem next, Duration wait, String why) {
        console.verbose(command + ": waiting " + seconds(wait) + " s to follow up on " + next.resourceId() + " (" + why + ")");
    }

    void end() {
        console.endProgress();
    }

    private String prefix() {
        return command + position + ", " + Console.seconds(console.elapsed()) + ": ";
    }

    /** Whole seconds, rounded up: a wait of 0.9 s is not "0 s". */
    private static long seconds(Duration duration) {
        return (duration.toMillis() + 999) / 1000;
    }

    private static String name(WorkItem item) {
        String id = item.resourceId();
        return id.substring(id.lastIndexOf('/') + 1);
    }
}
