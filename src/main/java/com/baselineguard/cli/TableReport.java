package com.baselineguard.cli;

import com.baselineguard.engine.Finding;
import com.baselineguard.engine.PlanStep;
import com.baselineguard.engine.PlannedChange;
import com.baselineguard.engine.ResourceReport;
import com.baselineguard.rules.Status;
import com.baselineguard.rules.support.Values;
import java.util.List;

/**
 * The {@code --format table} output, for people: per resource, the failing and not-evaluated rules
 * and the requests that would fix them; a summary last. Colour only when writing to a terminal.
 */
final class TableReport {

    private static final String RESET = "\u001B[0m";
    private static final String RED = "\u001B[31m";
    private static final String GREEN = "\u001B[32m";
    private static final String YELLOW = "\u001B[33m";
    private static final String DIM = "\u001B[2m";
    private static final String BOLD = "\u001B[1m";

    private final boolean color;

    TableReport(boolean color) {
        this.color = color;
    }

    String render(EvaluationRun run) {
        StringBuilder out = new StringBuilder();
        for (EvaluationRun.Evaluated evaluated : run.resources()) {
            resource(out, evaluated);
        }
        for (ExportReader.Ignored ignored : run.ignored()) {
            out.append(paint(DIM, "ignored " + ignored.id() + " (" + ignored.reason() + ")")).append('\n');
        }
        if (!run.ignored().isEmpty()) {
            out.append('\n');
        }
        long failing = run.resources().stream().filter(r -> r.report().failed()).count();
        out.append(paint(BOLD, run.resources().size() + " resources, " + failing + " non-compliant")).append(": ")
                .append(run.count(Status.FAIL)).append(" fail, ")
                .append(run.count(Status.PASS)).append(" pass, ")
                .append(run.count(Status.NOT_EVALUATED)).append(" not evaluated, ")
                .append(run.count(Status.NOT_APPLICABLE)).append(" not applicable; ")
                .append(run.plannedSteps()).append(" fix requests planned");
        if (!run.errors().isEmpty()) {
            out.append("; ").append(run.errors().size()).append(run.errors().size() == 1 ? " input error" : " input errors");
        }
        return out.append('\n').toString();
    }

    private void resource(StringBuilder out, EvaluationRun.Evaluated evaluated) {
        ResourceReport report = evaluated.report();
        String verdict = report.skipped().isPresent() ? paint(DIM, "SKIPPED")
                : report.failed() ? paint(RED, "NON-COMPLIANT") : paint(GREEN, "COMPLIANT");
        out.append(paint(BOLD, report.snapshot().id().name())).append("  ").append(report.snapshot().type())
                .append("  ").append(verdict).append('\n');
        out.append("  ").append(paint(DIM, report.snapshot().id() + "  (" + evaluated.file() + ":" + evaluated.line() + ")"))
                .append('\n');
        if (report.skipped().isPresent()) {
            out.append("  ").append(report.skipped().get()).append("\n\n");
            return;
        }
        List<Finding> shown = report.findings().stream()
                .filter(f -> f.status() == Status.FAIL || f.status() == Status.NOT_EVALUATED).toList();
        for (Finding f : shown) {
            String status = f.status() == Status.FAIL ? paint(RED, "FAIL         ") : paint(YELLOW, "NOT EVALUATED");
            out.append("  ").append(status).append("  ").append(pad(f.rule().id(), 10)).append(pad(f.rule().name(), 28))
                    .append(pad(f.rule().severity().label(), 14)).append(f.evaluation().reason()).append('\n');
            if (f.status() == Status.FAIL) {
                out.append("  ").append(" ".repeat(15 + 10 + 28 + 14)).append(paint(DIM, "fix: " + f.fix().state().label()
                        + (f.fix().detail().isEmpty() ? "" : " - " + f.fix().detail()))).append('\n');
            }
        }
        out.append("  ").append(report.count(Status.PASS)).append(" pass, ")
                .append(report.count(Status.NOT_APPLICABLE)).append(" not applicable");
        report.exemption().ifPresent(e -> out.append("; exempt by tag '").append(e.tag()).append("': ")
                .append(String.join(", ", e.ruleIds().stream().sorted().toList())));
        out.append('\n');
        for (PlanStep step : report.plan().steps()) {
            out.append("  ").append(paint(BOLD, "step " + step.number() + ": " + step.method())).append(' ')
                    .append(step.method().equals("PUT") ? step.target() : "the resource").append('\n');
            for (PlannedChange change : step.changes()) {
                out.append("    ").append(change.property()).append(": ").append(Values.display(change.before()))
                        .append(" -> ").append(Values.display(change.after())).append("  (").append(change.ruleId())
                        .append(")\n");
            }
        }
        out.append('\n');
    }

    private String paint(String code, String text) {
        return color ? code + text + RESET : text;
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }
}
