package com.baselineguard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.Action;
import com.baselineguard.engine.Outcome;
import com.baselineguard.engine.Remediator;
import com.baselineguard.engine.Result;
import com.baselineguard.engine.WorkItem;
import com.baselineguard.testing.Fixtures;
import com.baselineguard.testing.LiveHarness;
import com.baselineguard.testing.RedisScenarios;
import com.baselineguard.testing.arm.Fault;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The remediation engine through the real Azure SDK against the local ARM stand-in. */
class RemediatorLiveTest {

    private static final String CACHE = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1";

    private LiveHarness live;

    @BeforeEach
    void start() {
        live = LiveHarness.start();
    }

    @AfterEach
    void stop() {
        live.close();
    }

    private Remediator remediator() {
        return live.composition().remediator();
    }

    private JsonObject cache(String fixture) {
        return Fixtures.json("Microsoft.Cache/redis/" + fixture).getAsJsonObject();
    }

    @Test
    void aPublicCacheWithNothingToFixCostsOneReadPlusTheListsItsRulesNeed() {
        live.store(cache("2024-11-01_RedisCacheCreate.json"));
        Outcome outcome = live.remediate(CACHE, false);
        assertEquals(Result.AUDITED, outcome.result(), outcome.reason());
        assertEquals(4, outcome.armCalls());
        assertEquals(List.of(CACHE, CACHE + "/providers/Microsoft.Insights/diagnosticSettings",
                CACHE + "/firewallRules", CACHE + "/privateEndpointConnections"),
                live.arm.requests().stream().map(r -> r.path()).toList(),
                "the cache; its diagnostic settings (REDIS-011); no privateEndpointConnections in the body (REDIS-001..003);"
                        + " public, so its firewall rules (REDIS-003, REDIS-004)");
        assertEquals(4, live.arm.count("GET"));
        assertEquals(0, live.patches().size());
        assertTrue(outcome.followUp().isEmpty());
        assertTrue(live.arm.requests().stream().allMatch(r -> r.header("Authorization").startsWith("Bearer ")),
                "every ARM request carries the managed identity's token");
        assertTrue(live.arm.tokenRequestCount() >= 1);
    }

    @Test
    void withTheDiagnosticRuleOffACompliantPrivateCacheCostsExactlyOneRead() {
        live.with("BG_RULE_MODE_REDIS_011", "off");
        live.store(RedisScenarios.privateCache(CACHE));
        Outcome outcome = live.remediate(CACHE, false);
        assertEquals(1, outcome.armCalls());
        assertEquals(1, live.arm.requests().size());
        assertEquals("2024-11-01", live.arm.requests().get(0).apiVersion());
    }

    @Test
    void safeFixesArePatchedWithExactlyThePlannedPropertiesAndVerifiedLater() {
        live.store(cache("2024-11-01_RedisCacheUpdate.json"));
        Remediator remediator = remediator();
        Outcome first = LiveHarness.remediate(remediator, CACHE, false);
        assertEquals(Result.REMEDIATED, first.result(), first.reason());
        assertEquals(1, live.patches().size());
        assertEquals(Fixtures.parse("{\"properties\":{\"enableNonSslPort\":false,\"minimumTlsVersion\":\"1.2\"}}"),
                live.patches().get(0).json());
        assertEquals(List.of(Action.Status.APPLIED, Action.Status.APPLIED),
                first.actions().stream().map(Action::status).toList());
        assertTrue(first.followUp().isPresent(), "a verification read follows");
        // The stand-in keeps the cache Updating for one more read, as the recorded traffic shows.
        WorkItem verify = first.followUp().get();
        Outcome busy = remediator.handle(due(verify));
        assertEquals(Result.DEFERRED, busy.result(), busy.reason());
        assertTrue(busy.reason().contains("Updating"));
        Outcome settled = remediator.handle(due(busy.followUp().orElseThrow()));
        assertEquals(Result.AUDITED, settled.result(), settled.reason());
        assertFalse(settled.followUp().isPresent());
        JsonObject after = live.arm.resource(CACHE).orElseThrow().getAsJsonObject("properties");
        assertEquals(false, after.get("enableNonSslPort").getAsBoolean());
        assertEquals("1.2", after.get("minimumTlsVersion").getAsString());
        assertEquals("Enabled", after.has("publicNetworkAccess") ? after.get("publicNetworkAccess").getAsString() : "Enabled",
                "disruptive settings stay untouched under default modes");
        assertEquals(1, live.patches().size(), "no redundant PATCH after the fix");
    }

    @Test
    void aSecondDeliveryOfTheSameWorkAfterTheFixSendsNoPatch() {
        live.store(cache("2024-11-01_RedisCacheUpdate.json"));
        live.arm.settleAfterGets(CACHE, 0);
        Remediator remediator = remediator();
        LiveHarness.remediate(remediator, CACHE, false);
        Outcome again = LiveHarness.remediate(remediator, CACHE, false);
        assertEquals(1, live.patches().size());
        assertTrue(again.actions().isEmpty());
    }

    @Test
    void aDryRunPlansButNeverWrites() {
        live.store(cache("2024-11-01_RedisCacheUpdate.json"));
        Outcome outcome = live.remediate(CACHE, true);
        assertEquals(Result.AUDITED, outcome.result());
        assertEquals(0, live.patches().size());
        assertTrue(outcome.actions().stream().allMatch(a -> a.status() == Action.Status.PLANNED));
        assertEquals("dry_run", outcome.toJson().get("mode").getAsString());
    }

    @Test
    void aBusyResourceIsDeferredWithoutAWrite() {
        live.store(cache("2020-06-01_RedisCacheGet.json"));
        Outcome outcome = live.remediate("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1", false);
        assertEquals(Result.DEFERRED, outcome.result());
        assertTrue(outcome.reason().contains("Creating"), outcome.reason());
        assertEquals(0, live.patches().size());
        assertTrue(outcome.followUp().isPresent());
    }

    @Test
    void aMissingResourceIsGone() {
        Outcome outcome = live.remediate(CACHE, false);
        assertEquals(Result.GONE, outcome.result());
        assertEquals(1, outcome.armCalls());
        assertTrue(outcome.followUp().isEmpty());
    }

    @Test
    void aRefusedPermissionFailsNamingTheAction() {
        live.store(cache("2024-11-01_RedisCacheUpdate.json"));
        live.arm.inject(Fault.on("PATCH", ".*").authorizationFailed("Microsoft.Cache/redis/write"));
        Outcome outcome = live.remediate(CACHE, false);
        assertEquals(Result.FAILED, outcome.result());
        assertTrue(outcome.reason().contains("permission missing: Microsoft.Cache/redis/write"), outcome.reason());
        assertTrue(outcome.followUp().isEmpty(), "no retry storm");
        assertEquals(1, live.patches().size());
    }

    @Test
    void aConflictDefersTheWork() {
        live.store(cache("2024-11-01_RedisCacheUpdate.json"));
        live.arm.inject(Fault.on("PATCH", ".*").conflict("The resource is busy processing a previous update request."));
        Outcome outcome = live.remediate(CACHE, false);
        assertEquals(Result.DEFERRED, outcome.result(), outcome.reason());
        assertTrue(outcome.followUp().isPresent());
    }

    @Test
    void aBadRequestFailsWithArmsCodeAndMessage() {
        live.store(cache("2024-11-01_RedisCacheUpdate.json"));
        live.arm.inject(Fault.on("PATCH", ".*").badRequest("BadRequest", "properties.minimumTlsVersion cannot be updated"));
        Outcome outcome = live.remediate(CACHE, false);
        assertEquals(Result.FAILED, outcome.result());
        assertTrue(outcome.reason().contains("BadRequest: properties.minimumTlsVersion cannot be updated"), outcome.reason());
        assertTrue(outcome.actions().stream().allMatch(a -> a.status() == Action.Status.FAILED));
    }

    @Test
    void aBatchAccountGetsItsIdentityAlone() {
        JsonObject account = Fixtures.json("Microsoft.Batch/batchAccounts/2025-06-01_BatchAccountGet.json").getAsJsonObject();
        String id = live.store(account);
        live.arm.settleAfterGets(id, 0);
        Outcome outcome = live.remediate(id, false);
        assertEquals(Result.REMEDIATED, outcome.result(), outcome.reason());
        assertEquals(Fixtures.parse("{\"identity\":{\"type\":\"SystemAssigned\"}}"), live.patches().get(0).json());
        assertEquals("2025-06-01", live.patches().get(0).apiVersion());
    }

    @Test
    void aPoolWhoseVmConfigurationCanHoldSecretsIsNeverPatchedEvenWhenItsFixesAreEnforced() {
        // The published pool GET with a VM extension (its protectedSettings never come back in a GET), drained.
        JsonObject pool = Fixtures.json("Microsoft.Batch/batchAccounts/pools/2025-06-01_PoolGet_VirtualMachineConfiguration_Extensions.json")
                .getAsJsonObject();
        pool.getAsJsonObject("properties").addProperty("allocationState", "Steady");
        String id = live.store(pool);
        live.with("BG_RULE_MODE_BPOOL_004", "enforce").with("BG_RULE_MODE_BPOOL_005", "enforce")
                .with("BG_RULE_MODE_BPOOL_006", "enforce");
        Outcome outcome = live.remediate(id, false);
        assertEquals(0, live.patches().size(), "no body that could drop extensions[].protectedSettings");
        String record = outcome.toJson().toString();
        assertTrue(record.contains("extension 'batchextension1' can hold protectedSettings"), record);
    }

    @Test
    void idsOutsideTheScopesAreRefusedWithoutAnyArmCall() {
        live.with("BG_SCOPES", "/subscriptions/11111111-1111-1111-1111-111111111111");
        Remediator remediator = remediator();
        assertTrue(remediator.refusal(CACHE).orElseThrow().contains("outside the configured scopes"));
        Outcome outcome = LiveHarness.remediate(remediator, CACHE, false);
        assertEquals(Result.SKIPPED, outcome.result());
        assertEquals(0, live.arm.requests().size());
    }

    @Test
    void theOutcomeRecordHasEveryDocumentedField() {
        live.store(cache("2024-11-01_RedisCacheUpdate.json"));
        JsonObject record = live.remediate(CACHE, false).toJson();
        for (String field : List.of("schemaVersion", "outcomeId", "trigger", "eventId", "correlationId", "resourceId",
                "resourceType", "mode", "attempt", "result", "reason", "findings", "actions", "durationMs", "armCalls",
                "followUpNotBefore")) {
            assertTrue(record.has(field), field);
        }
        assertEquals("http", record.get("trigger").getAsString());
        assertEquals("Microsoft.Cache/redis", record.get("resourceType").getAsString());
    }

    private static WorkItem due(WorkItem item) {
        return new WorkItem(item.resourceId(), item.trigger(), item.eventId(), item.correlationId(), item.dryRun(),
                item.attempt(), java.time.Instant.EPOCH);
    }

}
