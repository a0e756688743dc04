package com.baselineguard.cli;

import com.baselineguard.app.Composition;
import com.baselineguard.config.ConfigurationException;
import com.baselineguard.engine.Remediator;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.baselineguard.engine.Outcome;
import com.baselineguard.engine.port.OutcomeSink;
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

    /** The composition and its connected remediator. */
    record Live(Composition composition, Remediator remediator) {
    }

    /**
     * Builds the composition and connects the remediator, or prints the settings problem (BG_ settings,
     * AZURE_CLOUD, AZURE_RESOURCE_MANAGER_ENDPOINT) and returns empty.
     */
    static Optional<Live> connect(Map<String, String> environment, PrintWriter err) {
        try {
            Composition composition = Composition.fromEnvironment(environment);
            return Optional.of(new Live(composition, composition.remediator()));
        } catch (ConfigurationException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Pretty JSON on standard output. */
    static void printJson(PrintWriter out, JsonElement json) {
        out.println(new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(json));
        out.flush();
    }

    /**
     * The CLI's progress sink: each outcome line on standard error (the record of truth), then published
     * to the outcome topic when one is configured; a failed publish is one more line, never an error.
     */
    static Consumer<Outcome> progress(Composition composition, PrintWriter err) {
        return outcome -> {
            err.println(outcome.logLine());
            try {
                composition.outcomeSink().publish(outcome.event(OutcomeSink.source("cli"))).ifPresent(err::println);
            } catch (RuntimeException e) {
                err.println("BaselineGuardOutcomeNotPublished outcomeId=" + outcome.outcomeId() + " error="
                        + e.getClass().getSimpleName() + " (the publisher could not be built)");
            }
            err.flush();
        };
    }
}
