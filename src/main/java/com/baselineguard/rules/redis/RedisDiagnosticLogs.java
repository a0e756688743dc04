package com.baselineguard.rules.redis;

import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.DiagnosticLogsCheck;
import com.baselineguard.rules.support.DiagnosticLogsRule;
import java.util.Set;

/** REDIS-011: resource logs go to a destination. */
public final class RedisDiagnosticLogs extends DiagnosticLogsRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("REDIS-011", "Redis.DiagnosticLogs")
            .resourceType(ResourceType.REDIS)
            .severity(Severity.MEDIUM)
            .controls("2.2", "2.3")
            .synopsis("Azure Cache for Redis should send its resource logs to a Log Analytics workspace, event hub or"
                    + " storage account via a diagnostic setting.")
            .recommendation("Create a diagnostic setting that enables the allLogs (or audit) category group and"
                    + " AllMetrics and sends them to the organisation's Log Analytics workspace.")
            .fixClass(FixClass.SAFE)
            .precondition("a Log Analytics workspace is configured (BG_DIAGNOSTICS_WORKSPACE_ID)")
            .build();

    private static final DiagnosticLogsCheck CHECK = new DiagnosticLogsCheck(
            Set.of("allLogs", "audit"),
            Set.of("ConnectedClientList", "MSEntraAuthenticationAuditLog"),
            DiagnosticLogsCheck.categoryGroupLogs("allLogs"));

    public RedisDiagnosticLogs() {
        super(METADATA, CHECK);
    }
}
