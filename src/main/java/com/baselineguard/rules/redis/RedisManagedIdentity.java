package com.baselineguard.rules.redis;

import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.FixStage;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.Applicability;
import com.baselineguard.rules.support.PropertyCheck;
import com.baselineguard.rules.support.PropertyRule;
import com.baselineguard.rules.support.Values;

/** REDIS-013: a cache that persists data has a managed identity. */
public final class RedisManagedIdentity extends PropertyRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("REDIS-013", "Redis.ManagedIdentity")
            .resourceType(ResourceType.REDIS)
            .severity(Severity.MEDIUM)
            .controls("7.11", "7.12")
            .synopsis("Azure Cache for Redis that persists data should have a managed identity so that storage access"
                    + " needs no keys.")
            .recommendation("Enable a system-assigned managed identity on the cache, keeping any user-assigned"
                    + " identities, and grant it access to the persistence storage account.")
            .fixClass(FixClass.SAFE)
            .precondition("identity is absent or None; existing identities are never replaced")
            .build();

    // The rule only fails when identity.type is absent or None, so the fix never replaces an existing identity.
    private static final PropertyCheck CHECK = PropertyCheck.at("identity.type")
            .expect("SystemAssigned, UserAssigned or both", v -> !Values.textEquals(v, "None"))
            .whenAbsent(false, "the cache has no managed identity")
            .fixTo(Values.string("SystemAssigned"), FixStage.IDENTITY);

    /** Only a cache that persists data, or is set to persist it with its identity, needs one. */
    private static final Applicability PERSISTS = Applicability.unless(
            cache -> !RedisFacts.persistenceEnabled(cache) && !RedisFacts.persistenceUsesManagedIdentity(cache),
            RedisFacts.noPersistenceReason() + ", and " + RedisFacts.configurationPath(RedisFacts.PERSISTENCE_AUTH)
                    + " is not \"ManagedIdentity\"");

    public RedisManagedIdentity() {
        super(METADATA, CHECK, PERSISTS);
    }
}
