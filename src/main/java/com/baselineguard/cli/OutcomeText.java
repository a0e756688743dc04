package com.baselineguard.cli;

import com.baselineguard.engine.Finding;
import com.baselineguard.engine.Outcome;
import com.baselineguard.rules.Status;
import com.baselineguard.rules.support.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The table form of the live commands' results, for people. */
final class OutcomeText {

    private OutcomeText() {
    }

    /**
     * One resource: the final result and why, each rule a change was sent for ({@code fixed} as verified by
     * the read after it, {@code still_failing}, or {@code not_verified} and why), the rules that still fail or
     * could not be evaluated as the last read found them, and, when the command stopped waiting, what for and
     * how to resume.
     */
    static String render(ChainReport report) {
        Outcome last = report.chain().last();
        StringBuilder out = new StringBuilder();
        out.append(last.result().label().toUpperCase(Locale.ROOT)).append("  ").append(last.item().resourceId())
                .append('\n');
        out.append("  ").append(last.reason()).append('\n');
        Optional<Outcome> evaluated = ChainReport.lastEvaluated(report.chain().outcomes());
        Map<String, List<ChangeMade>> sentByRule = new LinkedHashMap<>();
        for (ChangeMade change : report.changes()) {
            if (change.state() != ChangeMade.State.WOULD_CHANGE) {
                sentByRule.computeIfAbsent(change.ruleId(), k -> new ArrayList<>()).add(change);
            }
        }
        for (Map.Entry<String, List<ChangeMade>> rule : sentByRule.entrySet()) {
            ChangeMade shown = worst(rule.getValue());
            out.append("  ").append(shown.state().label()).append("  ").append(rule.getKey())
                    .append(name(rule.getKey(), report)).append(": ").append(shown.detail()).append('\n');
        }
        evaluated.ifPresent(read -> {
            for (Finding f : read.findings()) {
                if (!sentByRule.containsKey(f.rule().id())
                        && (f.status() == Status.FAIL || f.status() == Status.NOT_EVALUATED)) {
                    out.append("  ").append(f.statusLabel()).append("  ").append(f.rule().id()).append(' ')
                            .append(f.rule().name()).append(": ").append(f.evaluation().reason()).append('\n');
                }
            }
        });
        report.chain().stopped().ifPresent(stopped -> {
            out.append("  ").append(stopped.describe()).append('\n');
            report.pendingOperation().ifPresent(url -> out.append("  operation: ").append(url).append('\n'));
            out.append("  to resume: ").append(report.resume())
                    .append("  (safe to repeat: it re-reads the resource and sends only what still fails)\n");
        });
        int invocations = report.chain().outcomes().size();
        out.append("  ").append(report.armCalls()).append(" ARM calls in ").append(invocations)
                .append(invocations == 1 ? " invocation, " : " invocations, ")
                .append(Console.seconds(report.chain().elapsed())).append('\n');
        return out.toString();
    }

    /**
     * The end of a run: every change made (or, in a dry run, that would be made) and every change declined,
     * resource by resource, each with the rule, the property, before and after, and where it stands or why.
     */
    static String changes(List<ChainReport> reports) {
        StringBuilder out = new StringBuilder();
        List<ChangeMade> changes = reports.stream().flatMap(r -> r.changes().stream()).toList();
        out.append("Changes: ").append(changes.isEmpty() ? "none" : counts(changes)).append('\n');
        String resource = null;
        for (ChangeMade change : changes) {
            resource = heading(out, resource, change.resourceId());
            out.append("    ").append(change.state().label()).append("  ").append(change.ruleId()).append(' ')
                    .append(change.property()).append(": ").append(Values.display(change.before())).append(" -> ")
                    .append(Values.display(change.after()));
            if (change.state() != ChangeMade.State.FIXED) {
                out.append(": ").append(change.detail());
            }
            out.append('\n');
        }
        List<Declined> declined = reports.stream().flatMap(r -> r.declined().stream()).toList();
        out.append("Declined: ").append(declined.isEmpty() ? "none" : Integer.toString(declined.size())).append('\n');
        resource = null;
        for (Declined d : declined) {
            resource = heading(out, resource, d.resourceId());
            out.append("    ").append(d.reason().label()).append("  ").append(d.ruleId().orElse("every rule"));
            d.property().ifPresent(p -> out.append(' ').append(p).append(": ").append(Values.display(d.before()))
                    .append(" -> ").append(Values.display(d.after())));
            out.append(": ").append(d.detail()).append('\n');
        }
        return out.toString();
    }

    private static String heading(StringBuilder out, String current, String resourceId) {
        if (!resourceId.equals(current)) {
            out.append("  ").append(resourceId).append('\n');
        }
        return resourceId;
    }

    /** "3 (2 fixed, 1 not_verified)" */
    private static String counts(List<ChangeMade> changes) {
        Map<ChangeMade.State, Integer> byState = new LinkedHashMap<>();
        for (ChangeMade.State state : ChangeMade.State.values()) {
            int n = (int) changes.stream().filter(c -> c.state() == state).count();
            if (n > 0) {
                byState.put(state, n);
            }
        }
        List<String> parts = new ArrayList<>();
        byState.forEach((state, n) -> parts.add(n + " " + state.label()));
        return changes.size() + " (" + String.join(", ", parts) + ")";
    }

    /** The change of a rule that says least: still failing, then not verified, then fixed. */
    private static ChangeMade worst(List<ChangeMade> changes) {
        for (ChangeMade.State state : List.of(ChangeMade.State.STILL_FAILING, ChangeMade.State.NOT_VERIFIED)) {
            for (ChangeMade change : changes) {
                if (change.state() == state) {
                    return change;
                }
            }
        }
        return changes.get(0);
    }

    /** " Redis.NonTlsPort", the rule's name as any read of the chain gave it, or nothing. */
    private static String name(String ruleId, ChainReport report) {
        for (Outcome outcome : report.chain().outcomes()) {
            for (Finding f : outcome.findings()) {
                if (f.rule().id().equals(ruleId)) {
                    return " " + f.rule().name();
                }
            }
        }
        return "";
    }
}
