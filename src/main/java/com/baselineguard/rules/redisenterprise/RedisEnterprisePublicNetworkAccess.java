package com.baselineguard.rules.redisenterprise;

import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.FixStage;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.Applicability;
import com.baselineguard.rules.support.PrivateEndpoints;
import com.baselineguard.rules.support.PropertyCheck;
import com.baselineguard.rules.support.PropertyRule;
import com.baselineguard.rules.support.Values;
import java.util.Optional;
import java.util.Set;

/** REDISENT-003: the cluster is reachable only through private endpoints. */
public final class RedisEnterprisePublicNetworkAccess extends PropertyRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("REDISENT-003", "RedisEnterprise.PublicNetworkAccess")
            .resourceType(ResourceType.REDIS_ENTERPRISE)
            .severity(Severity.HIGH)
            .controls("1.1")
            .synopsis("Azure Managed Redis and Redis Enterprise clusters should disable public network access so that"
                    + " they are reachable only through private endpoints.")
            .recommendation("Set the cluster's publicNetworkAccess to Disabled once at least one private endpoint"
                    + " connection is Approved and all clients resolve the cluster through it.")
            .fixClass(FixClass.DISRUPTIVE)
            .precondition("at least one Approved private endpoint connection")
            .build();

    private static final PropertyCheck CHECK = PropertyCheck.at("properties.publicNetworkAccess")
            .expect("\"Disabled\"", v -> Values.textEquals(v, "Disabled"))
            .fixTo(Values.string("Disabled"), FixStage.NETWORK_ISOLATION);

    // The 2025-07-01 spec marks the property x-nullable: "null is returned only for clusters created using an
    // old API version which do not have this property and cannot be set" (specification/redisenterprise/
    // resource-manager/Microsoft.Cache/RedisEnterprise/stable/2025-07-01/redisenterprise.json). Nothing to
    // enforce there, and no PATCH could set it.
    private static final Applicability SETTABLE = Applicability.unless(
            cluster -> CHECK.path().read(cluster.resource()).filter(v -> !v.isJsonNull()).isEmpty(),
            CHECK.path() + " is not set (null or absent): \"null is returned only for clusters created using an old"
                    + " API version which do not have this property and cannot be set\"");

    public RedisEnterprisePublicNetworkAccess() {
        super(METADATA, CHECK, SETTABLE);
    }

    /** Private endpoint connections: from the body when it carries them, else listed beside the resource. */
    @Override
    public Set<RelatedKind> relatedData() {
        return Set.of(RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS);
    }

    @Override
    protected Optional<String> blocker(ResourceSnapshot resource, RuleSettings settings) {
        return PrivateEndpoints.blockerForDisablingPublicAccess(resource);
    }
}
