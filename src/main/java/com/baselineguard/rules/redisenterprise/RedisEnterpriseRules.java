package com.baselineguard.rules.redisenterprise;

import com.baselineguard.rules.Rule;
import java.util.List;

/** The Azure Managed Redis / Redis Enterprise rules (clusters and databases), in id order. */
public final class RedisEnterpriseRules {

    private RedisEnterpriseRules() {
    }

    public static List<Rule> all() {
        return List.of(
                new RedisEnterpriseMinTls(),
                new RedisEnterpriseClientProtocol(),
                new RedisEnterprisePublicNetworkAccess(),
                new RedisEnterprisePrivateEndpoint(),
                new RedisEnterpriseLocalAuth(),
                new RedisEnterpriseCustomerManagedKey(),
                new RedisEnterpriseDiagnosticLogs(),
                new RedisEnterpriseDataPersistence(),
                new RedisEnterpriseZoneRedundancy(),
                new RedisEnterpriseRetirement());
    }
}
