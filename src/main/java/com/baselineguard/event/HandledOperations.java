package com.baselineguard.event;

import java.util.List;

/**
 * The {@code data.operationName} values of the ResourceWriteSuccess events Baseline Guard acts on: the
 * writes that can change what a rule sees. infra/ subscribes to exactly these (an Event Grid
 * {@code StringIn} advanced filter, case-insensitive, at most 25 values in total per subscription);
 * a test keeps the two equal. The parser accepts any write to a supported resource or its children,
 * so a missing value here only means Event Grid does not deliver that event; the sweep still finds
 * the drift.
 *
 * <p>Operation names are the RBAC action names (resource-provider operations). The name Event Grid
 * reports for a diagnostic-setting write is not documented (research: UNVERIFIED), so both the
 * provider-scoped and the plain form are listed.
 */
public final class HandledOperations {

    public static final List<String> ALL = List.of(
            "Microsoft.Cache/redis/write",
            "Microsoft.Cache/redis/firewallRules/write",
            "Microsoft.Cache/redis/privateEndpointConnections/write",
            "Microsoft.Cache/redisEnterprise/write",
            "Microsoft.Cache/redisEnterprise/databases/write",
            "Microsoft.Cache/redisEnterprise/privateEndpointConnections/write",
            "Microsoft.Batch/batchAccounts/write",
            "Microsoft.Batch/batchAccounts/pools/write",
            "Microsoft.Batch/batchAccounts/privateEndpointConnections/write",
            "Microsoft.Insights/diagnosticSettings/write",
            "Microsoft.Cache/redis/providers/Microsoft.Insights/diagnosticSettings/write",
            "Microsoft.Cache/redisEnterprise/databases/providers/Microsoft.Insights/diagnosticSettings/write",
            "Microsoft.Batch/batchAccounts/providers/Microsoft.Insights/diagnosticSettings/write");

    private HandledOperations() {
    }
}
