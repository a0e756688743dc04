package com.baselineguard.cli;

import com.baselineguard.app.Composition;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import com.baselineguard.config.TerminalSettings;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The command line: {@code java -jar target/baseline-guard-cli.jar evaluate PATH...}. */
@Command(name = "baseline-guard",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Keeps Azure Batch accounts and Azure Cache for Redis caches on Microsoft's security baseline.",
        subcommands = {CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing fails", "1:a rule fails", "2:bad input, settings or usage",
            "3:remediate: the resource does not exist"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    // Global options, accepted before or after the command name, as az and kubectl accept theirs.
    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "only errors on standard error: no progress line, no outcome records, no notices")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "more on standard error: each input read, each item ignored, timings")
    boolean verbose;

    private final PrintWriter err;
    private final boolean stderrTerminal;

    private Main(PrintWriter err, boolean stderrTerminal) {
        this.err = err;
        this.stderrTerminal = stderrTerminal;
    }

    public static void main(String[] args) {
        // Buffered, flushed by the commands as they go and at the end: a line-flushed stream would cost
        // a system call per line of a 100,000-resource report.
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16)), 1 << 16), false);
        PrintWriter err = new PrintWriter(System.err, true);
        Map<String, String> environment = System.getenv();
        System.exit(run(args, out, err, environment, System.console() != null, Console.stderrIsTerminal(environment),
                System.in));
    }

    /**
     * Runs the command line and returns its exit code; the seam tests use.
     *
     * @param terminal whether standard output is a terminal (colour allowed)
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment,
            boolean terminal) {
        return run(args, out, err, environment, terminal, false, InputStream.nullInputStream());
    }

    /**
     * @param stdoutTerminal whether standard output is a terminal (colour allowed)
     * @param stderrTerminal whether standard error is a terminal (progress line allowed)
     * @param stdin what {@code -} reads
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment,
            boolean stdoutTerminal, boolean stderrTerminal, InputStream stdin) {
        boolean color = TerminalSettings.colour(environment, stdoutTerminal);
        Main main = new Main(err, stderrTerminal);
        CommandLine commandLine = new CommandLine(main);
        commandLine.addSubcommand("evaluate", new EvaluateCommand(environment, color, stdin, main::console));
        commandLine.addSubcommand("remediate", new RemediateCommand(environment, main::console));
        commandLine.addSubcommand("sweep", new SweepCommand(environment, main::console));
        commandLine.addSubcommand("handle-event", new HandleEventCommand(environment, stdin, main::console));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((ex, arguments) -> usageError(err, ex));
        commandLine.setExecutionExceptionHandler((ex, cl, parseResult) -> {
            if (ex instanceof CommandLine.ParameterException usage) {
                return usageError(err, usage);
            }
            err.println("error: " + ex);
            return ExitCodes.BAD_INPUT;
        });
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static int usageError(PrintWriter err, CommandLine.ParameterException ex) {
        err.println("error: " + ex.getMessage());
        err.println("usage: see 'baseline-guard " + (ex.getCommandLine().getCommandName().equals("baseline-guard")
                ? "" : ex.getCommandLine().getCommandName() + " ") + "--help'");
        return ExitCodes.BAD_INPUT;
    }

    /** Standard error as the options ask for it; made when a command runs, after the options are parsed. */
    Console console() {
        if (quiet && verbose) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--quiet and --verbose cannot be used together");
        }
        return new Console(err, stderrTerminal,
                quiet ? Console.Verbosity.QUIET : verbose ? Console.Verbosity.VERBOSE : Console.Verbosity.NORMAL);
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
