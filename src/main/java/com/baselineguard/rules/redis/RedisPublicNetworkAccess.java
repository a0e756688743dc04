package com.baselineguard.rules.redis;

import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.FixStage;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.PrivateEndpoints;
import com.baselineguard.rules.support.PropertyCheck;
import com.baselineguard.rules.support.PropertyRule;
import com.baselineguard.rules.support.Values;
import java.util.Optional;
import java.util.Set;

/** REDIS-001: the cache is reachable only through private endpoints. */
public final class RedisPublicNetworkAccess extends PropertyRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("REDIS-001", "Redis.PublicNetworkAccess")
            .resourceType(ResourceType.REDIS)
            .severity(Severity.HIGH)
            .controls("1.1")
            .synopsis("Azure Cache for Redis should disable public network access so that the cache is reachable only"
                    + " through private endpoints.")
            .recommendation("Set publicNetworkAccess to Disabled once at least one private endpoint connection is"
                    + " Approved and all clients resolve the cache through it.")
            .fixClass(FixClass.DISRUPTIVE)
            .precondition("at least one Approved private endpoint connection, and the cache is not VNet-injected")
            .build();

    // Absent counts as Enabled: the 2024-11-01 spec default, and policy 470baccb's notEquals Disabled.
    private static final PropertyCheck CHECK = PropertyCheck.at("properties.publicNetworkAccess")
            .expect("Disabled", v -> Values.textEquals(v, "Disabled"))
            .whenAbsent(false, "absent means Enabled")
            .fixTo(Values.string("Disabled"), FixStage.NETWORK_ISOLATION);

    public RedisPublicNetworkAccess() {
        super(METADATA, CHECK);
    }

    /** Private endpoint connections: from the body when it carries them, else listed beside the resource. */
    @Override
    public Set<RelatedKind> relatedData() {
        return Set.of(RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS);
    }

    @Override
    protected Optional<String> blocker(ResourceSnapshot resource, RuleSettings settings) {
        if (RedisFacts.vnetInjected(resource)) {
            return Optional.of("the cache is injected into a virtual network (properties.subnetId), which cannot"
                    + " use private endpoints");
        }
        return PrivateEndpoints.blockerForDisablingPublicAccess(resource);
    }
}
