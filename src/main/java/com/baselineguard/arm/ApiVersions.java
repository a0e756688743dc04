package com.baselineguard.arm;

import com.baselineguard.model.ResourceType;

/**
 * The api-version pinned for each kind of request. Pinned, not "latest": a newer version can rename
 * or drop properties the rules read. Each is the newest stable version of its spec in Azure/azure-rest-api-specs
 * ({@code specification/<service>/resource-manager/.../readme.md} lists them) unless its comment says why not.
 */
public final class ApiVersions {

    /** Microsoft.Cache/redis, newest stable (readme default tag package-2024-11). */
    public static final String REDIS = "2024-11-01";
    /** Microsoft.Cache/redisEnterprise and its databases, newest stable (Azure Managed Redis SKUs, publicNetworkAccess). */
    public static final String REDIS_ENTERPRISE = "2025-07-01";
    /** Microsoft.Batch, newest stable; PATCH of publicNetworkAccess and pool create-time properties needs >= 2024-07-01. */
    public static final String BATCH = "2025-06-01";
    /**
     * Microsoft.Batch/batchAccounts/certificates: the retired certificates feature is published up to this
     * version and dropped from 2025-06-01, so BATCH-011 lists certificates with it.
     */
    public static final String BATCH_CERTIFICATES = "2024-07-01";
    /** Microsoft.Insights/diagnosticSettings; supports logs[].categoryGroup. */
    public static final String DIAGNOSTIC_SETTINGS = "2021-05-01-preview";
    /** Microsoft.KeyVault/vaults, read for the soft delete and purge protection of a Batch key's vault (BATCH-010). */
    public static final String KEY_VAULT = "2023-07-01";
    /** Microsoft.ResourceGraph/resources. */
    public static final String RESOURCE_GRAPH = "2021-03-01";

    private ApiVersions() {
    }

    /** The pinned api-version for an ARM type Baseline Guard reads, evaluated types and Key Vaults. */
    public static java.util.Optional<String> forArmType(String armType) {
        if ("Microsoft.KeyVault/vaults".equalsIgnoreCase(armType)) {
            return java.util.Optional.of(KEY_VAULT);
        }
        return ResourceType.fromArmType(armType).map(ApiVersions::of);
    }

    public static String of(ResourceType type) {
        return switch (type) {
            case REDIS -> REDIS;
            case REDIS_ENTERPRISE, REDIS_ENTERPRISE_DATABASE -> REDIS_ENTERPRISE;
            case BATCH_ACCOUNT, BATCH_POOL -> BATCH;
        };
    }
}
