package com.baselineguard.rules.support;

import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import java.util.Set;

/** A rule that requires the resource's logs to reach a destination ({@link DiagnosticLogsCheck}). */
public abstract class DiagnosticLogsRule extends AbstractRule {

    private final DiagnosticLogsCheck logs;

    protected DiagnosticLogsRule(RuleMetadata metadata, DiagnosticLogsCheck logs) {
        super(metadata);
        this.logs = logs;
    }

    /** The resource's diagnostic settings, listed beside it. */
    @Override
    public final Set<RelatedKind> relatedData() {
        return Set.of(RelatedKind.DIAGNOSTIC_SETTINGS);
    }

    @Override
    protected final Evaluation check(ResourceSnapshot resource, RuleSettings settings) {
        return logs.evaluate(resource, settings);
    }
}
