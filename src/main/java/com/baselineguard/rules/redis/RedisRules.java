package com.baselineguard.rules.redis;

import com.baselineguard.rules.Rule;
import java.util.List;

/** The Azure Cache for Redis rules, in id order. */
public final class RedisRules {

    private RedisRules() {
    }

    public static List<Rule> all() {
        return List.of(
                new RedisPublicNetworkAccess(),
                new RedisPrivateEndpoint(),
                new RedisFirewallRules(),
                new RedisFirewallRuleCount(),
                new RedisVnetInjection(),
                new RedisNonTlsPort(),
                new RedisMinTls(),
                new RedisEntraId(),
                new RedisLocalAuth(),
                new RedisAuthNotRequired(),
                new RedisDiagnosticLogs(),
                new RedisPersistenceAuth(),
                new RedisManagedIdentity(),
                new RedisVersion(),
                new RedisUpdateChannel(),
                new RedisDataPersistence(),
                new RedisZoneRedundancy(),
                new RedisRetirement());
    }
}
