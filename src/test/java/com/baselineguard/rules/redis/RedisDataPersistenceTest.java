package com.baselineguard.rules.redis;

import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import org.junit.jupiter.api.Test;

class RedisDataPersistenceTest {

    private static final String PREMIUM = "Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json";

    private final RedisDataPersistence rule = new RedisDataPersistence();

    @Test
    void isNotApplicableOnThePublishedStandardCache() {
        var evaluation = assertStatus(Status.NOT_APPLICABLE, rule,
                Fixtures.list("Microsoft.Cache/redis/2024-11-01_RedisCacheList.json").get(0));
        assertEquals("properties.sku.name is Standard; data persistence is available only on Premium", evaluation.reason());
    }

    @Test
    void isNotApplicableOnBasic() {
        assertStatus(Status.NOT_APPLICABLE, rule, Fixtures.with(Fixtures.snapshot(PREMIUM), "properties.sku.name",
                Fixtures.parse("\"Basic\"")));
    }

    @Test
    void failsOnThePublishedPremiumCacheWithoutPersistence() {
        var evaluation = assertStatus(Status.FAIL, rule, Fixtures.snapshot(PREMIUM));
        assertEquals("neither properties.redisConfiguration.rdb-backup-enabled nor"
                + " properties.redisConfiguration.aof-backup-enabled is \"true\", so the cache persists no data;"
                + " a Premium cache should persist with RDB or AOF", evaluation.reason());
        assertTrue(evaluation.fix().isEmpty());
    }

    @Test
    void failsWhenRdbIsExplicitlyOff() {
        assertStatus(Status.FAIL, rule, Fixtures.with(Fixtures.snapshot(PREMIUM),
                "properties.redisConfiguration.rdb-backup-enabled", Fixtures.parse("\"false\"")));
    }

    @Test
    void passesWithRdbOrAof() {
        assertStatus(Status.PASS, rule, Fixtures.with(Fixtures.snapshot(PREMIUM),
                "properties.redisConfiguration.rdb-backup-enabled", Fixtures.parse("\"true\"")));
        assertStatus(Status.PASS, rule, Fixtures.with(Fixtures.snapshot(PREMIUM),
                "properties.redisConfiguration.aof-backup-enabled", Fixtures.parse("\"True\"")));
    }
}
