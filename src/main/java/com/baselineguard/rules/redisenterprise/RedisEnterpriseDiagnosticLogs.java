package com.baselineguard.rules.redisenterprise;

import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.DiagnosticLogsCheck;
import com.baselineguard.rules.support.DiagnosticLogsRule;
import java.util.Set;

/** REDISENT-007: the database's connection events go to a destination. */
public final class RedisEnterpriseDiagnosticLogs extends DiagnosticLogsRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("REDISENT-007", "RedisEnterprise.DiagnosticLogs")
            .resourceType(ResourceType.REDIS_ENTERPRISE_DATABASE)
            .severity(Severity.MEDIUM)
            .controls("2.2", "2.3")
            .synopsis("Redis Enterprise and Azure Managed Redis databases should send their ConnectionEvents resource"
                    + " logs to a Log Analytics workspace, event hub or storage account via a diagnostic setting.")
            .recommendation("Create a diagnostic setting on the database that enables the allLogs (or audit) category"
                    + " group and sends it to the organisation's Log Analytics workspace.")
            .fixClass(FixClass.SAFE)
            .precondition("a Log Analytics workspace is configured (BG_DIAGNOSTICS_WORKSPACE_ID)")
            .build();

    // The fix sends no metrics, as the built-in Azure Policy fa570aa1-acca-4eea-8e5a-233cf2c5e4c2 ("metrics": []) and
    // its Event Hub and storage variants do.
    private static final DiagnosticLogsCheck CHECK = new DiagnosticLogsCheck(
            Set.of("allLogs", "audit"),
            Set.of("ConnectionEvents"),
            DiagnosticLogsCheck.categoryGroupLogs("allLogs"),
            false);

    public RedisEnterpriseDiagnosticLogs() {
        super(METADATA, CHECK);
    }
}
