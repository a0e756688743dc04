package com.baselineguard.model;

import java.util.Optional;

/**
 * The resource types Baseline Guard evaluates. ARM compares type names case-insensitively and the
 * service itself is inconsistent ({@code Microsoft.Cache/Redis} in responses, {@code redis} in the
 * specs, all lower case in Resource Graph), so matching is case-insensitive and the canonical
 * spelling here is the one the REST API specs use.
 */
public enum ResourceType {
    REDIS("Microsoft.Cache/redis"),
    /** An Azure Managed Redis or Redis Enterprise cluster. */
    REDIS_ENTERPRISE("Microsoft.Cache/redisEnterprise"),
    /** A database of a Redis Enterprise cluster; evaluated on its own (it has its own PATCH and logs). */
    REDIS_ENTERPRISE_DATABASE("Microsoft.Cache/redisEnterprise/databases"),
    BATCH_ACCOUNT("Microsoft.Batch/batchAccounts"),
    BATCH_POOL("Microsoft.Batch/batchAccounts/pools");

    private static final ResourceType[] VALUES = values();

    private final String armType;
    /** This type as an Optional, made once: {@link #fromArmType} runs for every snapshot. */
    private final Optional<ResourceType> self;

    ResourceType(String armType) {
        this.armType = armType;
        this.self = Optional.of(this);
    }

    /** The ARM type name, e.g. {@code Microsoft.Cache/redis}. */
    public String armType() {
        return armType;
    }

    /** The type for an ARM type name in any casing, or empty when Baseline Guard does not evaluate it. */
    public static Optional<ResourceType> fromArmType(String type) {
        if (type == null) {
            return Optional.empty();
        }
        String wanted = type.trim();
        for (ResourceType candidate : VALUES) {
            if (candidate.armType.equalsIgnoreCase(wanted)) {
                return candidate.self;
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return armType;
    }
}
