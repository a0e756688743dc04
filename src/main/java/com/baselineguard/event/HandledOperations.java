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
 * <p>Operation names are the RBAC action names that the resource providers publish
 * (learn.microsoft.com/azure/role-based-access-control/permissions/databases for Microsoft.Cache,
 * .../permissions/compute for Microsoft.Batch, .../permissions/monitor for Microsoft.Insights). A
 * diagnostic-setting write on any resource is published by Microsoft.Insights as
 * {@code Microsoft.Insights/diagnosticSettings/write}. Microsoft.Cache publishes no provider-scoped
 * diagnostic-setting action (only {@code redisEnterprise/providers/Microsoft.Insights/metricDefinitions/read}),
 * so none is listed for it; Microsoft.Batch does publish
 * {@code Microsoft.Batch/batchAccounts/providers/Microsoft.Insights/diagnosticSettings/write}, which is kept.
 *
 * <p>Event Grid compares these names ignoring case ("All string comparisons aren't case-sensitive"), and allows
 * "25 advanced filters and 25 filter values across all the filters per Event Grid subscription"
 * (learn.microsoft.com/azure/event-grid/event-filtering, Operators and Limitations). So an event
 * spelled {@code microsoft.insights/diagnosticSettings/write}, as activity logs spell it, is delivered too.
 * The code never filters on the operation name: the parser acts on any write to a supported resource or its
 * children, whatever its spelling.
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
            "Microsoft.Batch/batchAccounts/providers/Microsoft.Insights/diagnosticSettings/write",
            "Microsoft.Insights/diagnosticSettings/write");

    private HandledOperations() {
    }
}
