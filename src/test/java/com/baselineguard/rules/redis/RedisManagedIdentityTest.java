package com.baselineguard.rules.redis;

import static com.baselineguard.testing.RuleHarness.assertConverges;
import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.baselineguard.engine.RemediationPlan;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.FixStage;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import org.junit.jupiter.api.Test;

class RedisManagedIdentityTest {

    private static final String PREMIUM = "Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json";

    private final RedisManagedIdentity rule = new RedisManagedIdentity();

    private static ResourceSnapshot persisting() {
        return Fixtures.with(Fixtures.snapshot(PREMIUM), "properties.redisConfiguration.rdb-backup-enabled",
                Fixtures.parse("\"true\""));
    }

    @Test
    void isNotApplicableWithoutPersistence() {
        var evaluation = assertStatus(Status.NOT_APPLICABLE, rule, Fixtures.snapshot(PREMIUM));
        assertEquals("neither properties.redisConfiguration.rdb-backup-enabled nor"
                + " properties.redisConfiguration.aof-backup-enabled is \"true\", so the cache persists no data, and"
                + " properties.redisConfiguration.preferred-data-persistence-auth-method is not \"ManagedIdentity\"",
                evaluation.reason());
    }

    @Test
    void failsWhenTheAuthMethodIsManagedIdentityWithoutPersistenceFlags() {
        assertStatus(Status.FAIL, rule, Fixtures.with(Fixtures.snapshot(PREMIUM),
                "properties.redisConfiguration.preferred-data-persistence-auth-method", Fixtures.parse("\"ManagedIdentity\"")));
    }

    @Test
    void failsWhenAPersistingCacheHasNoIdentity() {
        var evaluation = assertStatus(Status.FAIL, rule, persisting());
        assertEquals("identity.type is not set (the cache has no managed identity); expected SystemAssigned,"
                + " UserAssigned or both", evaluation.reason());
        assertEquals(FixStage.IDENTITY, evaluation.fix().orElseThrow().stage());
    }

    @Test
    void passesWithAnExistingUserAssignedIdentitySoTheFixNeverReplacesIt() {
        // Minimal hand-made identity (no Redis fixture carries one).
        ResourceSnapshot userAssigned = Fixtures.with(persisting(), "identity", Fixtures.parse(
                "{\"type\":\"SystemAssigned, UserAssigned\",\"userAssignedIdentities\":{\"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1"
                        + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1\":{}}}"));
        assertStatus(Status.PASS, rule, userAssigned);
    }

    @Test
    void fixAssignsASystemIdentityAlone() {
        RemediationPlan plan = assertConverges(rule, persisting(), RuleSettings.defaults());
        assertEquals(1, plan.steps().size());
        assertEquals(Fixtures.parse("{\"identity\":{\"type\":\"SystemAssigned\"}}"), plan.steps().get(0).body());
    }

    @Test
    void fixReplacesTypeNone() {
        ResourceSnapshot none = Fixtures.with(persisting(), "identity", Fixtures.parse("{\"type\":\"None\"}"));
        var evaluation = assertStatus(Status.FAIL, rule, none);
        assertFalse(evaluation.fix().orElseThrow().blocked());
        assertConverges(rule, none, RuleSettings.defaults());
    }
}
