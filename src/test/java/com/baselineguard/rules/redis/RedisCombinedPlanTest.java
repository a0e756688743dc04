package com.baselineguard.rules.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.PlanStep;
import com.baselineguard.engine.PlannedChange;
import com.baselineguard.engine.Planner;
import com.baselineguard.engine.RemediationPlan;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Rule;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every Redis rule in enforce mode on one failing cache: the planner must send the fixes in an order the
 * resource provider accepts (publicNetworkAccess never with identity or redisVersion: Azure/azure-cli#20997,
 * #26204) and in which each precondition is met by an earlier step.
 */
class RedisCombinedPlanTest {

    private static final List<Rule> ALL = RedisRules.all();
    private static final RuleSettings SETTINGS = RuleSettings.defaults();

    /**
     * The published 2020-06-01 cache (Redis 3.2, non-TLS port on, no minimum TLS, public access Enabled, one
     * Approved private endpoint connection) with RDB persistence on and the Preview update channel, unlinked
     * from its geo-replica: as published it lists one linked server, which blocks the version upgrade.
     */
    private static ResourceSnapshot redis32() {
        return Fixtures.with(linkedRedis32(), "properties.linkedServers", Fixtures.parse("[]"));
    }

    /** As {@link #redis32()}, still geo-replicated as published. */
    private static ResourceSnapshot linkedRedis32() {
        ResourceSnapshot cache = Fixtures.snapshot("Microsoft.Cache/redis/2020-06-01_RedisCacheGet.json");
        cache = Fixtures.with(cache, "properties.redisConfiguration.rdb-backup-enabled", Fixtures.parse("\"true\""));
        return Fixtures.with(cache, "properties.updateChannel", Fixtures.parse("\"Preview\""));
    }

    @Test
    void aGeoReplicatedCacheKeepsItsVersionAndEverythingThatNeedsRedis6() {
        RemediationPlan plan = new Planner().plan(linkedRedis32(), ALL, SETTINGS);

        // Upgrading a geo-replicated cache isn't supported: no version step, and aad-enabled (Redis 6) waits with it.
        assertEquals(List.of(
                List.of("REDIS-006", "REDIS-007", "REDIS-015"),
                List.of("REDIS-013"),
                List.of("REDIS-012"),
                List.of("REDIS-001")), ruleIds(plan));
        assertTrue(plan.steps().stream().noneMatch(s -> s.body().toString().contains("redisVersion")));
        assertPublicAccessAloneAndLast(plan);
    }

    @Test
    void stepsOnARedis32CacheUpgradeTheVersionBeforeEntraAuthentication() {
        RemediationPlan plan = new Planner().plan(redis32(), ALL, SETTINGS);

        // aad-enabled needs Redis 6, so the version step comes first and unblocks it.
        assertEquals(List.of(
                List.of("REDIS-006", "REDIS-007", "REDIS-015"),
                List.of("REDIS-013"),
                List.of("REDIS-012"),
                List.of("REDIS-014"),
                List.of("REDIS-008"),
                List.of("REDIS-009"),
                List.of("REDIS-001")), ruleIds(plan));
        assertEquals(List.of(
                "{\"properties\":{\"enableNonSslPort\":false,\"minimumTlsVersion\":\"1.2\",\"updateChannel\":\"Stable\"}}",
                "{\"identity\":{\"type\":\"SystemAssigned\"}}",
                "{\"properties\":{\"redisConfiguration\":{\"preferred-data-persistence-auth-method\":\"ManagedIdentity\"}}}",
                "{\"properties\":{\"redisVersion\":\"6\"}}",
                "{\"properties\":{\"redisConfiguration\":{\"aad-enabled\":\"true\"}}}",
                "{\"properties\":{\"disableAccessKeyAuthentication\":true}}",
                "{\"properties\":{\"publicNetworkAccess\":\"Disabled\"}}"),
                plan.steps().stream().map(s -> s.body().toString()).toList());
        assertPublicAccessAloneAndLast(plan);
        assertEveryFixedRulePasses(redis32(), plan);
    }

    @Test
    void stepsOnARedis6CacheFollowTheStageOrder() {
        // The published Redis 6.0.14 cache with the published Approved connections loaded and RDB persistence on.
        ResourceSnapshot cache = Fixtures.related(
                Fixtures.snapshot("Microsoft.Cache/redis/2024-11-01_RedisCacheCreateDefaultVersion.json"),
                RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS, Fixtures.items(
                        "Microsoft.Cache/redis/privateEndpointConnections/2024-11-01_RedisCacheListPrivateEndpointConnections.json"));
        cache = Fixtures.with(cache, "properties.redisConfiguration.rdb-backup-enabled", Fixtures.parse("\"true\""));
        cache = Fixtures.with(cache, "properties.minimumTlsVersion", Fixtures.parse("\"1.0\""));

        RemediationPlan plan = new Planner().plan(cache, ALL, SETTINGS);

        assertEquals(List.of(
                List.of("REDIS-007"),
                List.of("REDIS-013"),
                List.of("REDIS-012"),
                List.of("REDIS-008"),
                List.of("REDIS-009"),
                List.of("REDIS-001")), ruleIds(plan));
        assertPublicAccessAloneAndLast(plan);
        assertEveryFixedRulePasses(cache, plan);
    }

    @Test
    void detectOnlyRulesStayReportedAfterThePlan() {
        ResourceSnapshot fixed = Planner.applyAll(redis32(), new Planner().plan(redis32(), ALL, SETTINGS));
        assertEquals(Status.FAIL, new RedisZoneRedundancy().evaluate(fixed, SETTINGS).status());
        assertEquals(Status.FAIL, new RedisRetirement().evaluate(fixed, SETTINGS).status());
        assertEquals(Status.PASS, new RedisDataPersistence().evaluate(fixed, SETTINGS).status());
        assertEquals(Status.NOT_EVALUATED, new RedisDiagnosticLogs().evaluate(fixed, SETTINGS).status());
    }

    private static List<List<String>> ruleIds(RemediationPlan plan) {
        return plan.steps().stream().map(PlanStep::ruleIds).toList();
    }

    private static void assertPublicAccessAloneAndLast(RemediationPlan plan) {
        List<PlanStep> steps = plan.steps();
        PlanStep last = steps.get(steps.size() - 1);
        assertEquals(List.of("properties.publicNetworkAccess"), last.changes().stream().map(PlannedChange::property).toList());
        for (PlanStep step : steps) {
            Set<String> properties = Set.copyOf(step.changes().stream().map(PlannedChange::property).toList());
            if (properties.contains("properties.publicNetworkAccess")) {
                assertFalse(properties.contains("identity.type"), "publicNetworkAccess with identity in one PATCH");
                assertFalse(properties.contains("properties.redisVersion"), "publicNetworkAccess with redisVersion in one PATCH");
            }
            if (properties.contains("identity.type") || properties.contains("properties.redisVersion")) {
                assertEquals(1, properties.size(), () -> "exclusive step shares its PATCH: " + properties);
            }
        }
    }

    private static void assertEveryFixedRulePasses(ResourceSnapshot before, RemediationPlan plan) {
        ResourceSnapshot fixed = Planner.applyAll(before, plan);
        for (Rule rule : ALL) {
            if (plan.stepFor(rule.metadata().id()).isPresent()) {
                var after = rule.evaluate(fixed, SETTINGS);
                assertEquals(Status.PASS, after.status(), () -> rule.metadata().id() + " after the plan: " + after.reason());
            }
        }
        assertTrue(plan.steps().stream().allMatch(s -> s.method().equals("PATCH")));
    }
}
