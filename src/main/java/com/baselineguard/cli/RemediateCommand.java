package com.baselineguard.cli;

import com.baselineguard.engine.Remediator;
import com.baselineguard.engine.Result;
import com.baselineguard.engine.Trigger;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code remediate RESOURCE_ID [--dry-run]}: one resource, live, with the user's own Azure credentials. */
@Command(name = "remediate", mixinStandardHelpOptions = true,
        description = "Reads a resource from Azure, evaluates it and applies its plan step by step (waiting between"
                + " steps, at most --max-wait), reads it once more to verify the changes, then prints the final outcome"
                + " and every change made or declined.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (compliant, audited, skipped; with --no-wait also remediated: sent, not waited for)",
            "1:still non-compliant, deferred, failed, or a change not verified within --max-wait",
            "2:bad input, settings or usage", "3:the resource does not exist (gone)"})
final class RemediateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RESOURCE_ID", description = "the ARM id of a Redis cache, Batch account or Batch pool")
    String resourceId;

    @Option(names = "--dry-run", description = "plan and report, never write")
    boolean dryRun;

    @Mixin
    LiveOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;
    private final Supplier<Console> consoles;

    RemediateCommand(Map<String, String> environment, Supplier<Console> consoles) {
        this.environment = environment;
        this.consoles = consoles;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WorkRunner.Waiting waiting = options.waiting(spec.commandLine());
        Console console = consoles.get();
        Optional<LiveOptions.Live> live = LiveOptions.connect(environment, err);
        if (live.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        Remediator remediator = live.get().remediator();
        Optional<String> refusal = remediator.refusal(resourceId);
        if (refusal.isPresent()) {
            err.println("error: " + refusal.get());
            return ExitCodes.BAD_INPUT;
        }
        LiveProgress progress = new LiveProgress(live.get().composition(), console, "remediate");
        WorkRunner.Chain chain = new WorkRunner(remediator, live.get().composition().clock(), waiting, progress)
                .run(remediator.start(resourceId, Trigger.CLI, Optional.empty(), Optional.empty(), dryRun));
        progress.end();
        ChainReport report = ChainReport.of(chain);
        LiveOptions.stopNotice(console, "remediate", report);
        print(out, report, options.format);
        // The resource was named on the command line: its absence is an error a script must see.
        return chain.last().result() == Result.GONE ? ExitCodes.NOT_FOUND : report.exitCode();
    }

    /** The final outcome, then what the run changed and declined; in JSON, the record with those lists added. */
    static void print(PrintWriter out, ChainReport report, LiveOptions.Format format) {
        if (format == LiveOptions.Format.json) {
            LiveOptions.printJson(out, report.toJson());
        } else {
            out.print(OutcomeText.render(report));
            out.print(OutcomeText.changes(List.of(report)));
        }
        out.flush();
    }
}
