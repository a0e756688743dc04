package com.baselineguard.engine;

import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.Status;

/** One rule's result on one resource, with the mode it ran in and where its fix stands. */
public record Finding(RuleMetadata rule, Mode mode, Evaluation evaluation, FixOutlook fix) {

    public Status status() {
        return evaluation.status();
    }
}
