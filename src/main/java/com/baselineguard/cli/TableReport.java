package com.baselineguard.cli;

import com.baselineguard.engine.Finding;
import com.baselineguard.engine.PlanStep;
import com.baselineguard.engine.PlannedChange;
import com.baselineguard.engine.ResourceReport;
import com.baselineguard.rules.Status;
import com.baselineguard.rules.support.Values;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code --format table} output, for people: per resource, as it is evaluated, the failing,
 * informational and not-evaluated rules and the requests that would fix them; at the end the ignored
 * types, the counts per rule, and the summary line last. Colour only when writing to a terminal.
 */
final class TableReport implements ReportWriter {

    private static final String RESET = "\u001B[0m";
    private static final String RED = "\u001B[31m";
    private static final String GREEN = "\u001B[32m";
    private static final String YELLOW = "\u001B[33m";
    private static final String CYAN = "\u001B[36m";
    private static final String DIM = "\u001B[2m";
    private static final String BOLD = "\u001B[1m";
    private static final int STATUS_WIDTH = "NOT EVALUATED".length();

    private final PrintWriter out;
    private final OutputBuffer buffer;
    private final boolean color;
    private final boolean everyIgnored;
    /** One resource's text, reused: growing a fresh one per resource was most of what a table run allocated. */
    private final ByteText text = new ByteText(8192);

    /** @param everyIgnored a line per ignored item as it is met (--verbose), not only the count per type */
    TableReport(PrintWriter out, boolean color, boolean everyIgnored) {
        this.out = out;
        this.buffer = OutputBuffer.over(out);
        this.color = color;
        this.everyIgnored = everyIgnored;
    }

    @Override
    public void resource(Evaluated evaluated) {
        text.clear();
        resource(text, evaluated);
        buffer.write(text);
    }

    @Override
    public void ignored(ExportReader.Ignored item) {
        if (everyIgnored) {
            buffer.write(paint(DIM, "ignored " + item.id() + " (" + item.reason() + ")") + System.lineSeparator());
        }
    }

    @Override
    public void error(ExportReader.InputError error) {
        // Printed on standard error as it happens; counted in the summary.
    }

    @Override
    public void finish(RunSummary summary) {
        buffer.flush();
        if (!summary.ignoredPerType().isEmpty()) {
            List<String> types = new ArrayList<>();
            summary.ignoredPerType().forEach((type, count) -> types.add(count + " " + type));
            out.println(paint(DIM, "ignored, not evaluated by Baseline Guard: " + String.join(", ", types)));
            out.println();
        }
        if (!summary.perRule().isEmpty()) {
            out.println(paint(BOLD, "Per rule"));
            for (Map.Entry<String, Map<ReportedStatus, Long>> rule : summary.perRule().entrySet()) {
                List<String> counts = new ArrayList<>();
                for (ReportedStatus status : ReportedStatus.values()) {
                    long n = rule.getValue().getOrDefault(status, 0L);
                    if (n > 0) {
                        counts.add(n + " " + status.words());
                    }
                }
                out.println("  " + pad(rule.getKey(), 14) + pad(summary.ruleName(rule.getKey()), 38) + String.join(", ", counts));
            }
            out.println();
        }
        StringBuilder line = new StringBuilder();
        line.append(paint(BOLD, summary.resources() + " resources, " + summary.nonCompliant() + " non-compliant, "
                + summary.compliant() + " compliant" + (summary.skipped() > 0 ? ", " + summary.skipped() + " skipped" : "")))
                .append(": ");
        for (ReportedStatus status : ReportedStatus.values()) {
            line.append(summary.count(status)).append(' ').append(status.words())
                    .append(status == ReportedStatus.NOT_APPLICABLE ? "; " : ", ");
        }
        line.append(summary.plannedSteps()).append(" fix requests planned");
        if (summary.errors() > 0) {
            line.append("; ").append(summary.errors()).append(summary.errors() == 1 ? " input error" : " input errors");
        }
        out.println(line);
        out.flush();
    }

    @Override
    public void flush() {
        buffer.flush();
    }

    private void resource(ByteText out, Evaluated evaluated) {
        ResourceReport report = evaluated.report();
        paint(out, BOLD, report.snapshot().id().name()).append("  ").append(report.snapshot().type().toString()).append("  ");
        if (report.skipped().isPresent()) {
            paint(out, DIM, "SKIPPED");
        } else if (report.failed()) {
            paint(out, RED, "NON-COMPLIANT");
        } else {
            paint(out, GREEN, "COMPLIANT");
        }
        out.append('\n').append("  ");
        if (color) {
            out.append(DIM);
        }
        out.append(report.snapshot().id().toString()).append("  (").append(evaluated.file().toString()).append(':')
                .append(evaluated.line()).append(')');
        if (color) {
            out.append(RESET);
        }
        out.append('\n');
        if (report.skipped().isPresent()) {
            out.append("  ").append(report.skipped().get()).append("\n\n");
            return;
        }
        for (Finding f : report.findings()) {
            ReportedStatus status = ReportedStatus.of(f);
            if (status == ReportedStatus.PASS || status == ReportedStatus.NOT_APPLICABLE) {
                continue;
            }
            out.append("  ");
            switch (status) {
                case FAIL -> pad(paint(out, RED, "FAIL"), "FAIL", STATUS_WIDTH);
                case INFO -> pad(paint(out, CYAN, "INFO"), "INFO", STATUS_WIDTH);
                case NOT_EVALUATED -> paint(out, YELLOW, "NOT EVALUATED");
            }
            out.append("  ");
            pad(out.append(f.rule().id()), f.rule().id(), 10);
            pad(out.append(f.rule().name()), f.rule().name(), 28);
            String severity = f.rule().severity().label();
            pad(out.append(severity), severity, 14);
            out.append(f.evaluation().reason()).append('\n');
            if (status == ReportedStatus.FAIL) {
                out.append("  ");
                out.spaces(15 + 10 + 28 + 14);
                if (color) {
                    out.append(DIM);
                }
                out.append("fix: ").append(f.fix().state().label());
                if (!f.fix().detail().isEmpty()) {
                    out.append(" - ").append(f.fix().detail());
                }
                if (color) {
                    out.append(RESET);
                }
                out.append('\n');
            }
        }
        out.append("  ").append(report.count(Status.PASS)).append(" pass, ")
                .append(report.count(Status.NOT_APPLICABLE)).append(" not applicable");
        report.exemption().ifPresent(e -> out.append("; exempt by tag '").append(e.tag()).append("': ")
                .append(String.join(", ", e.ruleIds().stream().sorted().toList())));
        out.append('\n');
        for (PlanStep step : report.plan().steps()) {
            out.append("  ");
            paint(out, BOLD, "step " + step.number() + ": " + step.method()).append(' ')
                    .append(step.method().equals("PUT") ? step.target() : "the resource").append('\n');
            for (PlannedChange change : step.changes()) {
                out.append("    ").append(change.property()).append(": ").append(Values.display(change.before()))
                        .append(" -> ").append(Values.display(change.after())).append("  (").append(change.ruleId())
                        .append(")\n");
            }
        }
        out.append('\n');
    }

    private ByteText paint(ByteText out, String code, String text) {
        return color ? out.append(code).append(text).append(RESET) : out.append(text);
    }

    /** Pads what was just appended ({@code text}) to {@code width} columns, with at least one space. */
    private static void pad(ByteText out, String text, int width) {
        out.spaces(text.length() >= width ? 1 : width - text.length());
    }

    private String paint(String code, String text) {
        return color ? code + text + RESET : text;
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }
}
