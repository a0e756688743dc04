package com.baselineguard.rules.redisenterprise;

import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.Applicability;
import com.baselineguard.rules.support.PrivateEndpointRule;

/** REDISENT-004: at least one private endpoint connection of the cluster is Approved. */
public final class RedisEnterprisePrivateEndpoint extends PrivateEndpointRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("REDISENT-004", "RedisEnterprise.PrivateEndpoint")
            .resourceType(ResourceType.REDIS_ENTERPRISE)
            .severity(Severity.MEDIUM)
            .controls("1.1")
            .synopsis("Azure Managed Redis and Redis Enterprise clusters should have at least one Approved private"
                    + " endpoint connection.")
            .recommendation("Create a private endpoint with group id redisEnterprise in an approved subnet, approve"
                    + " the connection and link the matching private DNS zone.")
            .fixClass(FixClass.NONE)
            .build();

    public RedisEnterprisePrivateEndpoint() {
        super(METADATA, "cluster", BODY_OR_CHILDREN, Applicability.always());
    }
}
