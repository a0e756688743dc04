package com.baselineguard.cli;

import com.baselineguard.engine.EventIntake;
import com.baselineguard.engine.Remediator;
import com.baselineguard.event.EventParseException;
import com.google.gson.JsonArray;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code handle-event FILE|-}: processes an Event Grid delivery exactly as the OnResourceWrite function does. */
@Command(name = "handle-event", mixinStandardHelpOptions = true,
        description = "Processes an Event Grid delivery (Event Grid schema or CloudEvents 1.0, one event or a batch) as"
                + " the OnResourceWrite function does, running the deferred work inline, and prints the final outcomes.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (compliant, remediated, audited, skipped, gone)", "1:still non-compliant, deferred or failed, or a change not verified within --max-wait",
            "2:not an event delivery, bad settings or usage"})
final class HandleEventCommand implements Callable<Integer> {

    /** The same limit the parser applies; read no more than one byte past it. */
    private static final int MAX_BYTES = com.baselineguard.event.EventParser.MAX_BODY_BYTES;

    @Parameters(paramLabel = "FILE", description = "a file holding the delivery, or - for standard input")
    String file;

    @Mixin
    LiveOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;
    private final InputStream stdin;
    private final Supplier<Console> consoles;

    HandleEventCommand(Map<String, String> environment, InputStream stdin, Supplier<Console> consoles) {
        this.environment = environment;
        this.stdin = stdin;
        this.consoles = consoles;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WorkRunner.Waiting waiting = options.waiting(spec.commandLine());
        Console console = consoles.get();
        String body;
        try {
            body = read();
        } catch (IOException e) {
            err.println("error: " + file + ": cannot read: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        Optional<LiveOptions.Live> live = LiveOptions.connect(environment, err);
        if (live.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        Remediator remediator = live.get().remediator();
        List<EventIntake.Intake> first;
        try {
            first = new EventIntake(remediator, live.get().composition().ownClientId()).triage(body);
        } catch (EventParseException e) {
            err.println("error: " + file + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        LiveProgress progress = new LiveProgress(live.get().composition(), console, "handle-event");
        WorkRunner runner = new WorkRunner(remediator, live.get().composition().clock(), waiting, progress);
        List<ChainReport> reports = new ArrayList<>();
        for (EventIntake.Intake intake : first) {
            progress.position(reports.size(), first.size());
            // The event's own invocation starts the chain, so --max-wait bounds its retry waits too.
            ChainReport report = ChainReport.of(intake.decided().map(runner::decided).orElseGet(() -> runner.run(intake.item())));
            LiveOptions.stopNotice(console, "handle-event", report);
            reports.add(report);
        }
        progress.end();
        if (options.format == LiveOptions.Format.json) {
            JsonArray array = new JsonArray();
            reports.forEach(r -> array.add(r.toJson()));
            LiveOptions.printJson(out, array);
        } else {
            reports.forEach(r -> out.print(OutcomeText.render(r)));
            out.print(OutcomeText.changes(reports));
        }
        out.flush();
        return reports.stream().allMatch(r -> r.exitCode() == ExitCodes.OK) ? ExitCodes.OK : ExitCodes.NON_COMPLIANT;
    }

    private String read() throws IOException {
        byte[] bytes;
        if (file.equals("-")) {
            bytes = stdin.readNBytes(MAX_BYTES + 1);
        } else {
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
