package com.baselineguard.engine;

import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.Status;

/** One rule's result on one resource, with the mode it ran in and where its fix stands. */
public record Finding(RuleMetadata rule, Mode mode, Evaluation evaluation, FixOutlook fix) {

    /** The label outputs use for an {@link #informational()} finding. */
    public static final String INFO = "info";

    public Status status() {
        return evaluation.status();
    }

    /**
     * True when a rule of informational severity fails: its baseline line is guidance (a retirement
     * notice, a legacy network model), not a control, so it is reported as {@code info} and never
     * makes a resource non-compliant.
     */
    public boolean informational() {
        return status() == Status.FAIL && rule.severity() == Severity.INFORMATIONAL;
    }

    /** The status as outputs name it: {@code info} for an informational finding, else the status' label. */
    public String statusLabel() {
        return informational() ? INFO : status().label();
    }
}
