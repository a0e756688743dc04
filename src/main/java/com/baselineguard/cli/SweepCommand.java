package com.baselineguard.cli;

import com.baselineguard.engine.Remediator;
import com.baselineguard.engine.Scopes;
import com.baselineguard.engine.Sweeper;
import com.baselineguard.engine.WorkItem;
import com.baselineguard.model.ResourceId;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sweep [--subscription ID]... [--dry-run]}: every supported resource in scope, from Resource Graph. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Evaluates every Redis cache, Batch account and pool in the subscriptions (default: BG_SCOPES, else"
                + " every subscription you can read) from Azure Resource Graph, then remediates the ones that need it,"
                + " one after another (waiting at most --max-wait for each), and prints every change made or declined.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:a resource is still non-compliant, deferred or failed, a change is not verified"
                + " within --max-wait, or the sweep failed",
            "2:bad input, settings or usage"})
final class SweepCommand implements Callable<Integer> {


    @Option(names = "--subscription", paramLabel = "ID", description = "a subscription id; repeat for more")
    List<String> subscriptions = new ArrayList<>();

    @Option(names = "--dry-run", description = "plan and report, never write")
    boolean dryRun;

    @Mixin
    LiveOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;
    private final Supplier<Console> consoles;

    SweepCommand(Map<String, String> environment, Supplier<Console> consoles) {
        this.environment = environment;
        this.consoles = consoles;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (String subscription : subscriptions) {
            if (!ResourceId.isSubscriptionId(subscription.trim())) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--subscription: '" + subscription + "' is not a subscription id (a GUID)");
            }
        }
        WorkRunner.Waiting waiting = options.waiting(spec.commandLine());
        Console console = consoles.get();
        Optional<LiveOptions.Live> live = LiveOptions.connect(environment, err);
        if (live.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        Remediator remediator = live.get().remediator();
        Scopes scopes = live.get().composition().policy().scopes();
        List<String> targets = subscriptions.isEmpty() ? scopes.subscriptions()
                : subscriptions.stream().map(String::trim).toList();
        List<String> groups = subscriptions.isEmpty() ? scopes.managementGroups() : List.of();
        LiveProgress progress = new LiveProgress(live.get().composition(), console, "sweep");
        List<WorkItem> queued = new ArrayList<>();
        progress.note("reading Azure Resource Graph");
        Sweeper.Summary summary = live.get().composition().sweeper().sweep(targets, groups, dryRun, item -> {
            queued.add(item);
            progress.note("reading Azure Resource Graph, " + queued.size() + " resources to remediate so far");
        }, Optional.of(waiting.maxWait()));
        console.info(summary.logLine());
        WorkRunner runner = new WorkRunner(remediator, live.get().composition().clock(), waiting, progress);
        List<ChainReport> reports = new ArrayList<>();
        for (WorkItem item : queued) {
            progress.position(reports.size(), queued.size());
            ChainReport report = ChainReport.of(runner.run(item));
            LiveOptions.stopNotice(console, "sweep", report);
            reports.add(report);
        }
        progress.end();
        if (options.format == LiveOptions.Format.json) {
            JsonObject result = new JsonObject();
            result.add("summary", summary.toJson());
            JsonArray outcomes = new JsonArray();
            reports.forEach(r -> outcomes.add(r.toJson()));
            result.add("outcomes", outcomes);
            LiveOptions.printJson(out, result);
        } else {
            out.println(summary.toJson().get("reason").getAsString());
            reports.forEach(r -> out.print(OutcomeText.render(r)));
            out.print(OutcomeText.changes(reports));
            out.print(notQueued(summary));
        }
        out.flush();
        boolean bad = summary.error().isPresent() || reports.stream().anyMatch(r -> r.exitCode() != ExitCodes.OK);
        return bad ? ExitCodes.NON_COMPLIANT : ExitCodes.OK;
    }

    /**
     * The changes declined on resources the sweep did not queue (their rows' failing rules are audit-only,
     * blocked or without an automatic fix), counted per rule: one line per resource would not scale to an estate.
     */
    static String notQueued(Sweeper.Summary summary) {
        if (summary.declinedPerRule().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("Declined on resources not queued (from their Resource Graph rows; per rule,"
                + " findings by where their fix stands):\n");
        summary.declinedPerRule().forEach((rule, states) -> {
            out.append("    ").append(rule);
            states.forEach((state, count) -> out.append("  ").append(state).append(' ').append(count));
            out.append('\n');
        });
        return out.toString();
    }
}
