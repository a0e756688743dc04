package com.baselineguard.rules.redis;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.FixStage;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.Applicability;
import com.baselineguard.rules.support.PropertyCheck;
import com.baselineguard.rules.support.PropertyRule;
import com.baselineguard.rules.support.Values;
import java.util.Optional;

/** REDIS-012: persistence authenticates to storage with the managed identity, not a storage key. */
public final class RedisPersistenceAuth extends PropertyRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("REDIS-012", "Redis.PersistenceAuth")
            .resourceType(ResourceType.REDIS)
            .severity(Severity.MEDIUM)
            .controls("4.8", "7.11")
            .synopsis("Azure Cache for Redis with data persistence should authenticate to storage with a managed"
                    + " identity, not a storage key (SAS).")
            .recommendation("Give the cache a managed identity with a data role on the persistence storage account,"
                    + " then set preferred-data-persistence-auth-method to ManagedIdentity.")
            .fixClass(FixClass.DISRUPTIVE)
            .precondition("the cache has a managed identity (REDIS-013)")
            .build();

    // The body carries only the auth method: the 2024-11-01 spec
    // (specification/redis/resource-manager/Microsoft.Cache/Redis/stable/2024-11-01/redis.json) also lists a
    // storage-subscription-id key, and whether it is needed too is unverified.
    private static final PropertyCheck CHECK = PropertyCheck.at(RedisFacts.configurationPath(RedisFacts.PERSISTENCE_AUTH))
            .expect("\"ManagedIdentity\"", v -> Values.textEquals(v, "ManagedIdentity"))
            .whenAbsent(false, "the default is SAS, a storage key in the connection string")
            .fixTo(Values.string("ManagedIdentity"), FixStage.USES_IDENTITY);

    private static final Applicability PERSISTS =
            Applicability.unless(cache -> !RedisFacts.persistenceEnabled(cache), RedisFacts.noPersistenceReason());

    public RedisPersistenceAuth() {
        super(METADATA, CHECK, PERSISTS);
    }

    @Override
    protected Optional<String> blocker(ResourceSnapshot resource, RuleSettings settings) {
        return RedisFacts.hasManagedIdentity(resource) ? Optional.empty()
                : Optional.of("the cache has no managed identity (identity.type is absent or None) to authenticate"
                        + " to storage with (REDIS-013)");
    }
}
