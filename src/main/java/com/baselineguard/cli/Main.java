package com.baselineguard.cli;

import com.baselineguard.app.Composition;
import com.baselineguard.config.TerminalSettings;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code java -jar target/baseline-guard-cli.jar evaluate PATH...}. */
@Command(name = "baseline-guard",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Keeps Azure Batch accounts and Azure Cache for Redis caches on Microsoft's security baseline.",
        subcommands = {CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing fails", "1:a rule fails", "2:bad input, settings or usage"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(args, out, err, System.getenv(), System.console() != null));
    }

    /**
     * Runs the command line and returns its exit code; the seam tests use.
     *
     * @param terminal whether standard output is a terminal (colour allowed)
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment,
            boolean terminal) {
        boolean color = TerminalSettings.colour(environment, terminal);
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.addSubcommand("evaluate", new EvaluateCommand(environment, color));
        commandLine.addSubcommand("remediate", new RemediateCommand(environment));
        commandLine.addSubcommand("sweep", new SweepCommand(environment));
        commandLine.addSubcommand("handle-event", new HandleEventCommand(environment, System.in));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((ex, arguments) -> {
            err.println("error: " + ex.getMessage());
            err.println("usage: see 'baseline-guard " + (ex.getCommandLine().getCommandName().equals("baseline-guard")
                    ? "" : ex.getCommandLine().getCommandName() + " ") + "--help'");
            return ExitCodes.BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((ex, cl, parseResult) -> {
            err.println("error: " + ex);
            return ExitCodes.BAD_INPUT;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required, e.g. evaluate");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"baseline-guard " + Composition.version()};
        }
    }
}
