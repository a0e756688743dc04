package com.baselineguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.app.Composition;
import com.baselineguard.engine.Trigger;
import com.baselineguard.engine.WorkItem;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Standard error as az and kubectl users expect it: progress only on a terminal, --quiet, --verbose. */
class ConsoleTest {

    private final StringWriter text = new StringWriter();
    private final AtomicLong now = new AtomicLong();

    private Console console(boolean terminal, Console.Verbosity verbosity) {
        return new Console(new PrintWriter(text), terminal, verbosity, Duration.ofSeconds(1), now::get);
    }

    private void advance(long millis) {
        now.addAndGet(millis * 1_000_000);
    }

    @Test
    void aProgressLineIsDrawnInPlaceOnATerminalOnceWorkHasRunASecondAtMostFiveTimesASecond() {
        Console console = console(true, Console.Verbosity.NORMAL);
        console.progress("early");
        assertEquals("", text.toString(), "short runs show no progress");
        advance(1_000);
        console.progress("evaluated 1,000 resources");
        advance(50);
        console.progress("evaluated 1,050 resources");
        advance(200);
        console.progress("evaluated 1,200 resources");
        assertEquals("\revaluated 1,000 resources\u001B[K\revaluated 1,200 resources\u001B[K", text.toString());
        console.info("BaselineGuardOutcome {}");
        assertTrue(text.toString().endsWith("\r\u001B[KBaselineGuardOutcome {}" + System.lineSeparator()),
                "a line of its own first clears the progress line: " + text);
        console.endProgress();
        assertTrue(text.toString().endsWith(System.lineSeparator()), "nothing left to clear");
    }

    @Test
    void noProgressWhenStandardErrorIsNotATerminalOrWithQuiet() {
        for (Console console : new Console[] {console(false, Console.Verbosity.NORMAL), console(false, Console.Verbosity.VERBOSE),
            console(true, Console.Verbosity.QUIET)}) {
            advance(5_000);
            console.progress("evaluated 5,000 resources");
            console.endProgress();
        }
        assertEquals("", text.toString());
    }

    @Test
    void quietKeepsErrorsOnlyAndVerboseAddsDetail() {
        Console quiet = console(false, Console.Verbosity.QUIET);
        quiet.error("error: x");
        quiet.info("BaselineGuardOutcome {}");
        quiet.verbose("read x");
        Console normal = console(false, Console.Verbosity.NORMAL);
        normal.info("BaselineGuardOutcome {}");
        normal.verbose("read y");
        Console verbose = console(false, Console.Verbosity.VERBOSE);
        verbose.verbose("read z");
        assertEquals(String.join(System.lineSeparator(), "error: x", "BaselineGuardOutcome {}", "read z", ""), text.toString());
    }

    @Test
    void theLiveProgressLineSaysWhatTheCommandWaitsOn() {
        Console console = new Console(new PrintWriter(text), true, Console.Verbosity.VERBOSE, Duration.ZERO, now::get);
        LiveProgress progress = new LiveProgress(Composition.fromEnvironment(Map.of()), console, "sweep");
        WorkItem next = new WorkItem("/subscriptions/s/resourceGroups/r/providers/Microsoft.Cache/Redis/cache7", Trigger.SWEEP,
                Optional.empty(), "c", false, 1, Instant.EPOCH);
        advance(60_000);
        progress.position(3, 12);
        advance(1_000);
        progress.waitingStarts(next, Duration.ofSeconds(30), "step 1 of 2 sent; the next follows");
        progress.waiting(next, Duration.ofSeconds(28), "step 1 of 2 sent; the next follows", Duration.ofSeconds(840));
        String shown = text.toString();
        assertTrue(shown.contains("\rsweep 3/12, 3.0/min, 60.0 s: starting the next resource\u001B[K"), shown);
        assertTrue(shown.contains("sweep: waiting 30 s to follow up on /subscriptions/s/resourceGroups/r/providers/"
                + "Microsoft.Cache/Redis/cache7 (step 1 of 2 sent; the next follows)" + System.lineSeparator()), shown);
        assertTrue(shown.matches("(?s).*\rsweep 3/12, 3.0/min, 61.0 s: waiting 28 s \\(until \\d\\d:\\d\\d:\\d\\d, --max-wait: 840 s left\\) to follow up"
                + " on cache7: step 1 of 2 sent; the next follows\u001B\\[K$"), shown);
        progress.end();
        assertTrue(text.toString().endsWith("\r\u001B[K"), "the command's own output starts on a clean line");
    }
}
