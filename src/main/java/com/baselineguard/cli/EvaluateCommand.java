package com.baselineguard.cli;

import com.baselineguard.app.Composition;
import com.baselineguard.config.ConfigurationException;
import com.baselineguard.engine.Evaluator;
import com.baselineguard.rules.Catalog;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code evaluate PATH... [--format table|json|jsonl|sarif] [--rules IDS]}: offline evaluation of
 * exported JSON, as a stream: each resource is evaluated as it is read and written as it is
 * evaluated, so memory does not grow with the number of resources.
 */
@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluates exported ARM resource JSON against the baseline rules, offline, and shows what would be fixed.",
            "PATH is a file or folder of JSON or JSON Lines, or - for standard input: one resource, an array, an ARM"
                    + " list response ({\"value\": [...]}), Resource Graph output ({\"data\": [...]}) or a snapshot"
                    + " envelope ({\"resource\": ..., \"related\": ...}); in JSON Lines, one of these per line."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing fails", "1:a rule fails", "2:bad input, settings or usage (other files are still evaluated)"})
final class EvaluateCommand implements Callable<Integer> {

    enum Format { table, json, jsonl, sarif }

    /** How often a streamed report is pushed on to whoever reads it. */
    private static final long FLUSH_NANOS = 250_000_000L;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders of JSON or JSON Lines; - for standard input")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), json, jsonl (JSON Lines, one resource per line) or sarif")
    Format format;

    @Option(names = "--rules", split = ",", paramLabel = "IDS", description = "only these rule ids, e.g. REDIS-006,BATCH-001")
    List<String> rules = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;
    private final boolean color;
    private final InputStream stdin;
    private final Supplier<Console> consoles;

    EvaluateCommand(Map<String, String> environment, boolean color, InputStream stdin, Supplier<Console> consoles) {
        this.environment = environment;
        this.color = color;
        this.stdin = stdin;
        this.consoles = consoles;
    }

    @Override
    public Integer call() {
        Console console = consoles.get();
        Composition composition;
        try {
            composition = Composition.fromEnvironment(environment);
        } catch (ConfigurationException e) {
            console.error("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        Catalog catalog = composition.catalog();
        Set<String> selected = new LinkedHashSet<>();
        for (String id : rules) {
            if (id.isBlank()) {
                continue;
            }
            String normalized = id.trim().toUpperCase(Locale.ROOT);
            if (catalog.find(normalized).isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--rules: no rule " + id.trim() + " (see docs/rules/README.md for the ids)");
            }
            selected.add(normalized);
        }
        Evaluator evaluator = new Evaluator(catalog, composition.policy().onlyRules(selected));
        PrintWriter out = spec.commandLine().getOut();
        RunSummary summary = new RunSummary();
        try (ReportWriter report = writer(out, catalog, console)) {
            Run run = new Run(summary, report, console);
            try (ExportInputs inputs = ExportInputs.resolve(paths, stdin, run::error)) {
                List<ExportInputs.Usable> usable = new ArrayList<>();
                RelatedIndex related = RelatedIndex.collect(inputs.inputs(), run::error, usable,
                        input -> console.progress("reading " + input.shown() + " for related items"));
                console.verbose("first pass: " + usable.size() + " of " + inputs.inputs().size() + " inputs usable, "
                        + related.size() + " related items found, " + Console.seconds(console.elapsed()));
                run.mark();
                new EvaluationPipeline(evaluator).run(new ExportReader(related), usable, run);
            }
            console.endProgress();
            report.finish(summary);
        }
        console.verbose(String.format(Locale.ROOT, "evaluated %,d resources in %s (%,.0f resources/s)", summary.resources(),
                Console.seconds(console.elapsed()), summary.resources() / Math.max(0.001, console.elapsed().toMillis() / 1000.0)));
        return summary.exitCode();
    }

    private ReportWriter writer(PrintWriter out, Catalog catalog, Console console) {
        return switch (format) {
            case table -> new TableReport(out, color, console.verbose());
            case json -> new JsonReport(out, Composition.version());
            case jsonl -> new JsonLinesReport(out, Composition.version());
            case sarif -> new SarifReport(out, catalog, Composition.version(), Path.of(""));
        };
    }

    /** The written half of the second pass: each resource written as it comes; counts kept, nothing else. */
    private static final class Run implements EvaluationPipeline.Writer {
        private final RunSummary summary;
        private final ReportWriter report;
        private final Console console;
        private long lastFlush = System.nanoTime();
        private long related;
        // Where the last input's counts started (for --verbose).
        private long resources;
        private long ignored;
        private long errors;
        private long relatedBefore;

        Run(RunSummary summary, ReportWriter report, Console console) {
            this.summary = summary;
            this.report = report;
            this.console = console;
        }

        @Override
        public void evaluated(Evaluated evaluated) {
            summary.add(evaluated.report());
            report.resource(evaluated);
            long now = System.nanoTime();
            if (now - lastFlush > FLUSH_NANOS) {
                lastFlush = now;
                report.flush();
                double seconds = Math.max(0.001, console.elapsed().toMillis() / 1000.0);
                console.progress(String.format(Locale.ROOT, "evaluated %,d resources, %,.0f/s, %s (%s)",
                        summary.resources(), summary.resources() / seconds, Console.seconds(console.elapsed()),
                        evaluated.file()));
            }
        }

        @Override
        public void ignored(ExportReader.Ignored item) {
            summary.ignored(item);
            report.ignored(item);
        }

        @Override
        public void error(ExportReader.InputError error) {
            summary.error();
            console.error(error.oneLine());
            report.error(error);
        }

        @Override
        public void related() {
            related++;
        }

        @Override
        public void inputDone(ExportInputs.Usable input, long nanos) {
            console.verbose(String.format(Locale.ROOT, "read %s: %,d resources, %,d related items, %,d ignored, %,d errors"
                    + " (%,d ms)", input.input().shown(), summary.resources() - resources, related - relatedBefore,
                    summary.ignored() - ignored, summary.errors() - errors, nanos / 1_000_000));
            mark();
        }

        /** The counts the next input's are told against. */
        void mark() {
            resources = summary.resources();
            ignored = summary.ignored();
            errors = summary.errors();
            relatedBefore = related;
        }
    }
}
