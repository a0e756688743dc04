package com.baselineguard.arm;

import com.baselineguard.model.ResourceType;

/**
 * The api-version pinned for each kind of request. Pinned, not "latest": a newer version can rename
 * or drop properties the rules read (research section 0 lists why each was chosen).
 */
public final class ApiVersions {

    /** Microsoft.Cache/redis, newest stable (readme default tag package-2024-11). */
    public static final String REDIS = "2024-11-01";
    /** Microsoft.Cache/redisEnterprise and its databases, newest stable (Azure Managed Redis SKUs, publicNetworkAccess). */
    public static final String REDIS_ENTERPRISE = "2025-07-01";
    /** Microsoft.Batch, newest stable; PATCH of publicNetworkAccess and pool create-time properties needs >= 2024-07-01. */
    public static final String BATCH = "2025-06-01";
    /** Microsoft.Insights/diagnosticSettings; supports logs[].categoryGroup. */
    public static final String DIAGNOSTIC_SETTINGS = "2021-05-01-preview";
    /** Microsoft.ResourceGraph/resources. */
    public static final String RESOURCE_GRAPH = "2021-03-01";

    private ApiVersions() {
    }

    public static String of(ResourceType type) {
        return switch (type) {
            case REDIS -> REDIS;
            case REDIS_ENTERPRISE, REDIS_ENTERPRISE_DATABASE -> REDIS_ENTERPRISE;
            case BATCH_ACCOUNT, BATCH_POOL -> BATCH;
        };
    }
}
