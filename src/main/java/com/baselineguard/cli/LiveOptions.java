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
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options and set-up shared by the commands that talk to Azure. */
final class LiveOptions {

    enum Format { table, json }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table (default) or json")
    Format format;

    /** When --max-wait is not given. */
    static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(15);

    @Option(names = "--max-wait", paramLabel = "SECONDS",
            description = "the longest to wait, per resource, for its plan's remaining steps, the read that verifies"
                    + " them and any Retry-After (default 900); what is still due after it is reported, not waited for")
    Long maxWaitSeconds;

    @Option(names = "--no-wait", description = "send each resource's first step and return without waiting for it"
            + " to take effect (as az's --no-wait); transient answers are still retried within the request")
    boolean noWait;

    /**
     * How long the command waits for each resource's work.
     *
     * @throws CommandLine.ParameterException for a negative --max-wait, or --max-wait with --no-wait
     */
    WorkRunner.Waiting waiting(CommandLine commandLine) {
        if (noWait && maxWaitSeconds != null) {
            throw new CommandLine.ParameterException(commandLine, "--no-wait and --max-wait cannot be used together");
        }
        if (maxWaitSeconds != null && maxWaitSeconds < 0) {
            throw new CommandLine.ParameterException(commandLine, "--max-wait must not be negative: " + maxWaitSeconds);
        }
        return noWait ? WorkRunner.Waiting.none()
                : WorkRunner.Waiting.atMost(maxWaitSeconds == null ? DEFAULT_MAX_WAIT : Duration.ofSeconds(maxWaitSeconds));
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

    /**
     * Says on standard error (not with --quiet) that the command stopped waiting for a resource, what for, the
     * long-running operation's URL when there is one, and how to resume; the report on standard output says it too.
     */
    static void stopNotice(Console console, String command, ChainReport report) {
        report.chain().stopped().ifPresent(stopped -> console.info(command + ": " + report.resourceId() + ": "
                + stopped.describe() + report.pendingOperation().map(url -> "; operation: " + url).orElse("")
                + "; to resume: " + report.resume()));
    }

    /** Pretty JSON on standard output. */
    static void printJson(PrintWriter out, JsonElement json) {
        out.println(new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create().toJson(json));
        out.flush();
    }
}
