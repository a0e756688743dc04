package com.baselineguard.cli;

import com.baselineguard.engine.Outcome;
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
                + " steps), then prints the final outcome record.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (compliant, remediated, audited, skipped)", "1:still non-compliant, deferred or failed",
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
        LiveProgress progress = LiveOptions.progress(live.get().composition(), console, "remediate");
        List<Outcome> outcomes = new WorkRunner(remediator, live.get().composition().clock(), options.maxWait(), progress)
                .run(remediator.start(resourceId, Trigger.CLI, Optional.empty(), Optional.empty(), dryRun));
        progress.end();
        Outcome last = outcomes.get(outcomes.size() - 1);
        print(out, last, options.format);
        // The resource was named on the command line: its absence is an error a script must see.
        return last.result() == Result.GONE ? ExitCodes.NOT_FOUND : WorkRunner.exitCode(last);
    }

    static void print(PrintWriter out, Outcome outcome, LiveOptions.Format format) {
        if (format == LiveOptions.Format.json) {
            LiveOptions.printJson(out, outcome.toJson());
        } else {
            out.print(OutcomeText.render(outcome));
        }
        out.flush();
    }
}
