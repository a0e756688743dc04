package com.baselineguard.testing;

import java.util.List;

/**
 * Variants of a real Redis cache id that no Azure resource can have, one per rule ResourceId enforces: a
 * subscription that is not a GUID (the published examples' placeholders among them), a resource group or
 * provider namespace ARM refuses, a cache name outside the Redis 2024-11-01 pattern, a name with a
 * character no resource name may hold. Every entry point must refuse them before any ARM call.
 */
public final class IdsThatCannotExist {

    private IdsThatCannotExist() {
    }

    /** The variants of {@code cacheId}, a well-formed {@code .../resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1}. */
    public static List<String> around(String cacheId) {
        String subscription = cacheId.split("/")[2];
        return List.of(
                cacheId.replace(subscription, "subid"),
                cacheId.replace(subscription, "{subscription-id}"),
                cacheId.replace(subscription, subscription.substring(0, subscription.length() - 1)),
                cacheId.replace("/rg1/", "/{resource-group}/"),
                cacheId.replace("/rg1/", "/rg1./"),
                cacheId.replace("Microsoft.Cache", "Microsoft_Cache"),
                cacheId.replace("cache1", "cache_1"),
                cacheId.replace("cache1", "-cache1"),
                cacheId.replace("cache1", "cache:1"),
                cacheId + "/firewallRules/rule<1>");
    }
}
