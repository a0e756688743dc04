package com.baselineguard.cli;

import com.baselineguard.app.Composition;
import com.baselineguard.config.ConfigurationException;
import com.baselineguard.engine.Remediator;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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
     * The CLI's progress sink: each outcome line on standard error (the record of truth; not with
     * --quiet), then published to the outcome topic when one is configured (a failed publish is one more
     * line, never an error), and on a terminal a progress line saying what the command waits on.
     */
    static LiveProgress progress(Composition composition, Console console, String command) {
        return new LiveProgress(composition, console, command);
    }
}
