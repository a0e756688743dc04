package com.baselineguard.engine;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.Status;
import java.util.List;
import java.util.Optional;

/**
 * Everything Baseline Guard concluded about one resource: the findings, the exemption it carries, the
 * plan for the rules in enforce mode, or why it was skipped altogether.
 */
public record ResourceReport(
        ResourceSnapshot snapshot,
        Optional<String> skipped,
        List<Finding> findings,
        Optional<Exemption> exemption,
        RemediationPlan plan) {

    public ResourceReport {
        findings = List.copyOf(findings);
    }

    public static ResourceReport skipped(ResourceSnapshot snapshot, String reason) {
        return new ResourceReport(snapshot, Optional.of(reason), List.of(), Optional.empty(), RemediationPlan.EMPTY);
    }

    public long count(Status status) {
        return findings.stream().filter(f -> f.status() == status).count();
    }

    /**
     * True when a rule above informational severity fails. Informational rules (lifecycle notices,
     * legacy network models) are reported but do not make a resource non-compliant, so that the exit
     * code and the verdict mean "something to fix".
     */
    public boolean failed() {
        return findings.stream().anyMatch(f -> f.status() == Status.FAIL && f.rule().severity() != Severity.INFORMATIONAL);
    }
}
