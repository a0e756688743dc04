package com.baselineguard.engine;

import com.baselineguard.model.RelatedKind;
import com.baselineguard.rules.Catalog;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.Rule;
import com.baselineguard.rules.Status;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a sweep does with one Resource Graph row once the engine has evaluated it: queue it for the
 * remediation chain (which re-reads the resource and the related data its rules need) or settle it from
 * the row. A row is queued when it has a plan, or when it cannot be decided from the row alone.
 */
public final class SweepTriage {

    private final Catalog catalog;
    private final Evaluator evaluator;

    public SweepTriage(Catalog catalog, Evaluator evaluator) {
        this.catalog = catalog;
        this.evaluator = evaluator;
    }

    /** Whether the sweep queues the resource {@code report} describes (a skipped resource is never queued). */
    public boolean queues(ResourceReport report) {
        return report.skipped().isEmpty() && (!report.plan().isEmpty() || needsFullRead(report));
    }

    /**
     * Related data no Resource Graph row carries, whatever the resource: diagnostic settings, Batch
     * certificates and a customer-managed key's vault and key. Waiting for them would send every resource
     * of the type to a full read on every sweep.
     */
    private static final Set<RelatedKind> NEVER_IN_ROWS = EnumSet.of(RelatedKind.DIAGNOSTIC_SETTINGS,
            RelatedKind.CERTIFICATES, RelatedKind.KEY_VAULTS, RelatedKind.KEYS);

    /**
     * Whether a row goes to a full read (the queued work reads the resource and its related data): when a
     * running rule cannot decide it without a list a row may lack, such as a public cache's firewall rules
     * or private endpoint connections a row does not show ({@link RelatedReads#needed}); and, for data no
     * row carries ({@link #NEVER_IN_ROWS}), only when a rule that needs it is enforced and its fix could be
     * applied (for diagnostic settings: a workspace is configured). Detect-only rules on such data (BATCH-011)
     * are decided by events and {@code remediate}, not by sweeps.
     */
    private boolean needsFullRead(ResourceReport report) {
        Set<RelatedKind> needed = RelatedReads.needed(catalog, report);
        for (RelatedKind kind : needed) {
            if (!NEVER_IN_ROWS.contains(kind) || fixWaitsFor(kind, report)) {
                return true;
            }
        }
        return false;
    }

    private boolean fixWaitsFor(RelatedKind kind, ResourceReport report) {
        if (kind == RelatedKind.DIAGNOSTIC_SETTINGS && evaluator.policy().ruleSettings().diagnosticsWorkspaceId().isEmpty()) {
            return false;
        }
        for (Finding finding : report.findings()) {
            if (finding.status() == Status.NOT_EVALUATED && finding.mode() == Mode.ENFORCE
                    && finding.rule().fixClass() != FixClass.NONE) {
                Optional<Rule> rule = catalog.find(finding.rule().id());
                if (rule.isPresent() && rule.get().relatedData().contains(kind)) {
                    return true;
                }
            }
        }
        return false;
    }
}
