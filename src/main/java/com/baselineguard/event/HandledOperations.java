package com.baselineguard.event;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

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
 * <p>Names are compared ignoring case, as Event Grid's filter does: activity logs and events spell the
 * same operation {@code microsoft.insights/diagnosticSettings/write} or {@code Microsoft.Insights/...}.
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

    private static final Set<String> FOLDED = ALL.stream().map(HandledOperations::fold).collect(Collectors.toUnmodifiableSet());

    private HandledOperations() {
    }

    /** True when {@code operationName} is one of {@link #ALL}, ignoring case (surrounding blanks are not ignored). */
    public static boolean isHandled(String operationName) {
        return operationName != null && FOLDED.contains(fold(operationName));
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
