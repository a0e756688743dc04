package com.baselineguard.rules.redisenterprise;

import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.Rule;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.PrivateEndpoints;
import java.util.Set;

/** REDISENT-004: at least one private endpoint connection of the cluster is Approved. */
public final class RedisEnterprisePrivateEndpoint implements Rule {

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

    /** Private endpoint connections: from the body when it carries them, else listed beside the resource. */
    @Override
    public Set<RelatedKind> relatedData() {
        return Set.of(RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS);
    }

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Evaluation evaluate(ResourceSnapshot resource, RuleSettings settings) {
        return PrivateEndpoints.requireApproved(resource, "cluster");
    }
}
