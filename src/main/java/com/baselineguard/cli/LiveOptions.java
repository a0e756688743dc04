package com.baselineguard.cli;

import com.baselineguard.app.Composition;
import com.baselineguard.config.ConfigurationException;
import com.baselineguard.engine.Outcome;
import com.baselineguard.engine.OutcomeSink;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** Options and set-up shared by the commands that talk to Azure. */
final class LiveOptions {

    enum Format { table, json }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table (default) or json")
    Format format;

    @Option(names = "--max-wait", paramLabel = "SECONDS", defaultValue = "900",
            description = "the longest to wait for a resource's remaining plan steps (default 900)")
    long maxWaitSeconds;

    Duration maxWait() {
        return Duration.ofSeconds(Math.max(0, maxWaitSeconds));
    }

    /** The composition, or empty after printing the settings problem. */
    static Optional<Composition> compose(Map<String, String> environment, PrintWriter err) {
        try {
            return Optional.of(Composition.fromEnvironment(environment));
        } catch (ConfigurationException e) {
            err.println("error: " + e.getMessage());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The CLI's progress sink: each outcome line on standard error (the record of truth), then published
     * to the outcome topic when one is configured; a failed publish is one more line, never an error.
     */
    static Consumer<Outcome> progress(Composition composition, PrintWriter err) {
        return outcome -> {
            err.println(outcome.logLine());
            try {
                composition.outcomeSink().publish(outcome, OutcomeSink.source("cli")).ifPresent(err::println);
            } catch (RuntimeException e) {
                err.println("BaselineGuardOutcomeNotPublished outcomeId=" + outcome.outcomeId() + " error="
                        + e.getClass().getSimpleName() + " (the publisher could not be built)");
            }
            err.flush();
        };
    }
}
