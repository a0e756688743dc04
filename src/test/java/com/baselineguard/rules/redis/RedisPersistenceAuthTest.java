package com.baselineguard.rules.redis;

import static com.baselineguard.testing.RuleHarness.assertConverges;
import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.Planner;
import com.baselineguard.engine.RemediationPlan;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedisPersistenceAuthTest {

    private static final String PREMIUM = "Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json";

    private final RedisPersistenceAuth rule = new RedisPersistenceAuth();

    private static ResourceSnapshot persisting() {
        return Fixtures.with(Fixtures.snapshot(PREMIUM), "properties.redisConfiguration.rdb-backup-enabled",
                Fixtures.parse("\"true\""));
    }

    /** No Redis fixture carries an identity; this minimal hand-made value is the spec's ManagedServiceIdentity. */
    private static ResourceSnapshot persistingWithIdentity() {
        return Fixtures.with(persisting(), "identity", Fixtures.parse("{\"type\":\"SystemAssigned\"}"));
    }

    @Test
    void isNotApplicableWithoutPersistence() {
        var evaluation = assertStatus(Status.NOT_APPLICABLE, rule, Fixtures.snapshot(PREMIUM));
        assertEquals("neither properties.redisConfiguration.rdb-backup-enabled nor"
                + " properties.redisConfiguration.aof-backup-enabled is \"true\", so the cache persists no data",
                evaluation.reason());
    }

    @Test
    void passesWithManagedIdentityInAnyCasing() {
        assertStatus(Status.PASS, rule, Fixtures.with(persistingWithIdentity(),
                "properties.redisConfiguration.preferred-data-persistence-auth-method", Fixtures.parse("\"managedidentity\"")));
    }

    @Test
    void failsWhenAbsentBecauseTheDefaultIsSas() {
        var evaluation = assertStatus(Status.FAIL, rule, persistingWithIdentity());
        assertEquals("properties.redisConfiguration.preferred-data-persistence-auth-method is not set (the default is"
                + " SAS, a storage key in the connection string); expected \"ManagedIdentity\"", evaluation.reason());
    }

    @Test
    void failsWithSasOnAof() {
        ResourceSnapshot aof = Fixtures.with(Fixtures.with(Fixtures.snapshot(PREMIUM),
                "properties.redisConfiguration.aof-backup-enabled", Fixtures.parse("\"True\"")),
                "properties.redisConfiguration.preferred-data-persistence-auth-method", Fixtures.parse("\"SAS\""));
        assertStatus(Status.FAIL, rule, aof);
    }

    @Test
    void fixSetsTheAuthMethodInsideRedisConfiguration() {
        RemediationPlan plan = assertConverges(rule, persistingWithIdentity(), RuleSettings.defaults());
        assertEquals(Fixtures.parse("{\"properties\":{\"redisConfiguration\":"
                + "{\"preferred-data-persistence-auth-method\":\"ManagedIdentity\"}}}"), plan.steps().get(0).body());
        assertEquals(Optional.of("true"), Planner.applyAll(persistingWithIdentity(), plan)
                .string("properties.redisConfiguration.rdb-backup-enabled"));
    }

    @Test
    void fixIsBlockedWithoutAManagedIdentity() {
        var evaluation = assertStatus(Status.FAIL, rule, persisting());
        assertEquals(Optional.of("the cache has no managed identity (identity.type is absent or None) to authenticate"
                + " to storage with (REDIS-013)"), evaluation.fix().orElseThrow().blockedBy());
        assertTrue(new Planner().plan(persisting(), List.of(rule), RuleSettings.defaults()).isEmpty());
    }

    @Test
    void fixIsBlockedWhenTheIdentityTypeIsNone() {
        ResourceSnapshot none = Fixtures.with(persisting(), "identity", Fixtures.parse("{\"type\":\"None\"}"));
        assertTrue(assertStatus(Status.FAIL, rule, none).fix().orElseThrow().blocked());
    }
}
