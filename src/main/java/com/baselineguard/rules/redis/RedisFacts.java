package com.baselineguard.rules.redis;

import com.baselineguard.model.JsonPath;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.support.Values;
import com.google.gson.JsonElement;
import java.util.Optional;

/**
 * What several Redis rules read the same way: {@code redisConfiguration} entries (string values in the 2024-11-01 REST
 * spec, specification/redis/resource-manager/Microsoft.Cache/Redis/stable/2024-11-01/redis.json; compared in any
 * casing, as PSRule for Azure's Azure.Redis.EntraID compares 'True'), the Redis version, persistence, the managed
 * identity and public access.
 */
final class RedisFacts {

    static final String CONFIGURATION = "properties.redisConfiguration";
    static final String RDB_BACKUP = "rdb-backup-enabled";
    static final String AOF_BACKUP = "aof-backup-enabled";
    static final String PERSISTENCE_AUTH = "preferred-data-persistence-auth-method";
    static final String AAD_ENABLED = "aad-enabled";

    private static final JsonPath CONFIGURATION_OBJECT = JsonPath.of(CONFIGURATION);
    private static final JsonPath VERSION = JsonPath.of("properties.redisVersion");
    private static final JsonPath IDENTITY_TYPE = JsonPath.of("identity.type");
    private static final JsonPath PUBLIC_NETWORK_ACCESS = JsonPath.of("properties.publicNetworkAccess");
    private static final JsonPath SUBNET = JsonPath.of("properties.subnetId");

    private RedisFacts() {
    }

    /** The dotted path of a {@code redisConfiguration} entry, e.g. {@code properties.redisConfiguration.aad-enabled}. */
    static String configurationPath(String key) {
        return CONFIGURATION + "." + key;
    }

    static Optional<JsonElement> configuration(ResourceSnapshot cache, String key) {
        return CONFIGURATION_OBJECT.readObject(cache.resource()).map(c -> JsonPath.member(c, key)).filter(v -> !v.isJsonNull());
    }

    /** True when a {@code redisConfiguration} entry is the string "true" in any casing. */
    static boolean configurationTrue(ResourceSnapshot cache, String key) {
        return configuration(cache, key).map(Values::isTrue).orElse(false);
    }

    /**
     * True when RDB or AOF persistence is on (Premium only; the two are mutually exclusive:
     * https://learn.microsoft.com/azure/azure-cache-for-redis/cache-how-to-premium-persistence).
     */
    static boolean persistenceEnabled(ResourceSnapshot cache) {
        return configurationTrue(cache, RDB_BACKUP) || configurationTrue(cache, AOF_BACKUP);
    }

    static boolean persistenceUsesManagedIdentity(ResourceSnapshot cache) {
        return configuration(cache, PERSISTENCE_AUTH).map(v -> Values.textEquals(v, "ManagedIdentity")).orElse(false);
    }

    /** Why a persistence rule does not apply, quoted in not_applicable reasons. */
    static String noPersistenceReason() {
        return "neither " + configurationPath(RDB_BACKUP) + " nor " + configurationPath(AOF_BACKUP)
                + " is \"true\", so the cache persists no data";
    }

    /**
     * True for {@code latest} and for versions whose major number is 6 or more ({@code 6}, {@code 6.0},
     * {@code 6.0.14}); the 2024-11-01 spec's redisVersion is {@code major[.minor]} or {@code latest}.
     */
    static boolean versionSixOrLater(JsonElement version) {
        if (version == null || !version.isJsonPrimitive()) {
            return false;
        }
        String text = version.getAsString().trim();
        if (text.equalsIgnoreCase("latest")) {
            return true;
        }
        int dot = text.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? text : text.substring(0, dot)) >= 6;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static boolean versionSixOrLater(ResourceSnapshot cache) {
        return VERSION.read(cache.resource()).map(RedisFacts::versionSixOrLater).orElse(false);
    }

    /** The version as a reason shows it: JSON text or {@code not set}. */
    static String versionText(ResourceSnapshot cache) {
        return Values.display(VERSION.read(cache.resource()).orElse(null));
    }

    /** True when {@code identity.type} is present and not {@code None}. */
    static boolean hasManagedIdentity(ResourceSnapshot cache) {
        return IDENTITY_TYPE.read(cache.resource()).map(v -> !Values.textEquals(v, "None")).orElse(false);
    }

    /**
     * True only for an explicit {@code Disabled}: absent counts as Enabled, as in Azure Policy
     * 470baccb-7e51-4549-8b1a-3e5be069f663 (notEquals Disabled).
     */
    static boolean publicAccessDisabled(ResourceSnapshot cache) {
        return PUBLIC_NETWORK_ACCESS.read(cache.resource()).map(v -> Values.textEquals(v, "Disabled")).orElse(false);
    }

    /**
     * True when the cache is injected into a virtual network (create-only: only RedisCreateProperties has subnetId in
     * the 2024-11-01 spec).
     */
    static boolean vnetInjected(ResourceSnapshot cache) {
        return SUBNET.readString(cache.resource()).filter(s -> !s.isBlank()).isPresent();
    }
}
