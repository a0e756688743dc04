package com.baselineguard.cli;

import com.baselineguard.config.TerminalSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Standard error, as users of {@code az} and {@code kubectl} expect it: errors always; the records
 * and notices of a run unless {@code --quiet}; more detail with {@code --verbose}; and a progress
 * line, rewritten in place, only when standard error is a terminal (never in a pipe, a file or CI
 * logs) and the work has taken long enough to be worth one.
 */
final class Console {

    /** How talkative standard error is. */
    enum Verbosity { QUIET, NORMAL, VERBOSE }

    /** How long work runs before a progress line appears, and how often it is rewritten. */
    static final Duration FIRST_PROGRESS = Duration.ofSeconds(1);
    private static final long REDRAW_NANOS = Duration.ofMillis(200).toNanos();

    private final PrintWriter err;
    private final boolean progressShown;
    private final Verbosity verbosity;
    private final LongSupplier nanoTime;
    private final long start;
    private final long firstProgress;
    private long lastDraw;
    private boolean lineShown;

    /**
     * @param terminal whether standard error is a terminal
     * @param firstProgress how long work runs before the first progress line
     */
    Console(PrintWriter err, boolean terminal, Verbosity verbosity, Duration firstProgress, LongSupplier nanoTime) {
        this.err = err;
        this.verbosity = verbosity;
        this.progressShown = terminal && verbosity != Verbosity.QUIET;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
        this.firstProgress = firstProgress.toNanos();
    }

    Console(PrintWriter err, boolean terminal, Verbosity verbosity) {
        this(err, terminal, verbosity, FIRST_PROGRESS, System::nanoTime);
    }

    boolean verbose() {
        return verbosity == Verbosity.VERBOSE;
    }

    /** Always printed. */
    void error(String line) {
        println(line);
    }

    /** Printed unless --quiet. */
    void info(String line) {
        if (verbosity != Verbosity.QUIET) {
            println(line);
        }
    }

    /** Printed with --verbose only. */
    void verbose(String line) {
        if (verbosity == Verbosity.VERBOSE) {
            println(line);
        }
    }

    /** Time since this console was made. */
    Duration elapsed() {
        return Duration.ofNanos(nanoTime.getAsLong() - start);
    }

    /**
     * Shows {@code text} as the progress line, at most every 200 ms and not in the first second;
     * nothing when standard error is not a terminal or with --quiet.
     */
    void progress(String text) {
        if (!progressShown) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (now - start < firstProgress || (lineShown && now - lastDraw < REDRAW_NANOS)) {
            return;
        }
        lastDraw = now;
        lineShown = true;
        err.print("\r" + text + "\u001B[K");
        err.flush();
    }

    /** Removes the progress line, if one is shown. */
    void endProgress() {
        if (lineShown) {
            err.print("\r\u001B[K");
            err.flush();
            lineShown = false;
        }
    }

    private void println(String line) {
        endProgress();
        err.println(line);
        err.flush();
    }

    /** "3.2 s" */
    static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /**
     * Whether standard error is a terminal: on Linux by where file descriptor 2 points; elsewhere the
     * JVM's console (stdin and stdout a terminal) stands in for it. {@code TERM=dumb} cannot rewrite a
     * line, so it counts as no terminal.
     */
    static boolean stderrIsTerminal(Map<String, String> environment) {
        return TerminalSettings.progress(environment, stderrIsTerminal());
    }

    private static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(fd)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // fall through to the JVM's own view
        }
        return System.console() != null;
    }
}
