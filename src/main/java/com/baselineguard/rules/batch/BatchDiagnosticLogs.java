package com.baselineguard.rules.batch;

import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.DiagnosticLogsCheck;
import com.baselineguard.rules.support.DiagnosticLogsRule;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Set;

/** BATCH-012: AuditLog and ServiceLog resource logs go to a destination. */
public final class BatchDiagnosticLogs extends DiagnosticLogsRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("BATCH-012", "Batch.DiagnosticLogs")
            .resourceType(ResourceType.BATCH_ACCOUNT)
            .severity(Severity.MEDIUM)
            .controls("LT-4")
            .synopsis("Azure Batch accounts should send AuditLog and ServiceLog resource logs to a log destination"
                    + " through a diagnostic setting.")
            .recommendation("Create a diagnostic setting that enables AuditLog, ServiceLog and AllMetrics (or the"
                    + " allLogs group) to the organisation's Log Analytics workspace.")
            .fixClass(FixClass.SAFE)
            .precondition("a Log Analytics workspace is configured (BG_DIAGNOSTICS_WORKSPACE_ID)")
            .build();

    // Only allLogs: Azure Policy 187242f4-89c6-4c43-9a4e-188c0efacc5f does not list Batch accounts among the types with
    // the audit group. The deprecated ServiceLogs category does not count
    // (https://learn.microsoft.com/azure/azure-monitor/reference/supported-logs/microsoft-batch-batchaccounts-logs).
    // The fix deploys the categories Azure Policy c84e5349-db6d-4769-805e-e14037dab9b5 deploys.
    private static final DiagnosticLogsCheck CHECK = new DiagnosticLogsCheck(
            Set.of("allLogs"),
            Set.of("AuditLog", "ServiceLog"),
            categories("AuditLog", "ServiceLog"));

    public BatchDiagnosticLogs() {
        super(METADATA, CHECK);
    }

    private static JsonArray categories(String... names) {
        JsonArray logs = new JsonArray();
        for (String name : names) {
            JsonObject entry = new JsonObject();
            entry.addProperty("category", name);
            entry.addProperty("enabled", true);
            logs.add(entry);
        }
        return logs;
    }
}
