package com.baselineguard.cli;

import com.baselineguard.engine.Action;
import com.baselineguard.engine.Finding;
import com.baselineguard.engine.Outcome;
import com.baselineguard.rules.Status;
import com.baselineguard.rules.support.Values;

/** The table form of an outcome record, for people. */
final class OutcomeText {

    private OutcomeText() {
    }

    static String render(Outcome outcome) {
        StringBuilder out = new StringBuilder();
        out.append(outcome.result().label().toUpperCase(java.util.Locale.ROOT)).append("  ")
                .append(outcome.item().resourceId()).append('\n');
        out.append("  ").append(outcome.reason()).append('\n');
        for (Finding f : outcome.findings()) {
            if (f.status() == Status.FAIL || f.status() == Status.NOT_EVALUATED) {
                out.append("  ").append(f.statusLabel()).append("  ").append(f.rule().id()).append(' ')
                        .append(f.rule().name()).append(": ").append(f.evaluation().reason()).append('\n');
            }
        }
        for (Action a : outcome.actions()) {
            out.append("  step ").append(a.step()).append(' ').append(a.method()).append(' ').append(a.property())
                    .append(": ").append(Values.display(a.before())).append(" -> ").append(Values.display(a.after()))
                    .append("  (").append(a.ruleId()).append(", ").append(a.status().label())
                    .append(a.detail().isEmpty() ? "" : ": " + a.detail()).append(")\n");
        }
        out.append("  ").append(outcome.armCalls()).append(" ARM calls, ").append(outcome.duration().toMillis())
                .append(" ms\n");
        return out.toString();
    }
}
