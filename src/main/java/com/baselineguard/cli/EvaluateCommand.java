package com.baselineguard.cli;

import com.baselineguard.app.Composition;
import com.baselineguard.config.ConfigurationException;
import com.baselineguard.engine.Evaluator;
import com.baselineguard.rules.Catalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code evaluate PATH... [--format table|json|sarif] [--rules IDS]}: offline evaluation of exported JSON. */
@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Evaluates exported ARM resource JSON against the baseline rules, offline, and shows what would be fixed.",
            "PATH is a file or folder of JSON: one resource, an array, an ARM list response ({\"value\": [...]}),"
                    + " Resource Graph output ({\"data\": [...]}) or a snapshot envelope ({\"resource\": ..., \"related\": ...})."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing fails", "1:a rule fails", "2:bad input, settings or usage (other files are still evaluated)"})
final class EvaluateCommand implements Callable<Integer> {

    enum Format { table, json, sarif }

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files or folders of JSON")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), json or sarif")
    Format format;

    @Option(names = "--rules", split = ",", paramLabel = "IDS", description = "only these rule ids, e.g. REDIS-006,BATCH-001")
    List<String> rules = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;
    private final boolean color;

    EvaluateCommand(Map<String, String> environment, boolean color) {
        this.environment = environment;
        this.color = color;
    }

    @Override
    public Integer call() {
        Composition composition;
        try {
            composition = Composition.fromEnvironment(environment);
        } catch (ConfigurationException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
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
        ExportReader.Result input = new ExportReader().read(paths);
        List<EvaluationRun.Evaluated> evaluated = input.resources().stream()
                .map(r -> new EvaluationRun.Evaluated(evaluator.evaluate(r.snapshot()), r.file(), r.line()))
                .toList();
        EvaluationRun run = new EvaluationRun(evaluated, input.ignored(), input.errors());
        for (ExportReader.InputError error : run.errors()) {
            spec.commandLine().getErr().println(error.oneLine());
        }
        String rendered = switch (format) {
            case table -> new TableReport(color).render(run);
            case json -> JsonReport.render(run, Composition.version());
            case sarif -> SarifReport.render(run, catalog, Composition.version(), Path.of(""));
        };
        spec.commandLine().getOut().print(rendered);
        if (format != Format.table) {
            spec.commandLine().getOut().println();
        }
        spec.commandLine().getOut().flush();
        return run.exitCode();
    }
}
