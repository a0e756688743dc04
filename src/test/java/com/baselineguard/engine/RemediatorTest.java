package com.baselineguard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.ScriptedArm.Kind;
import com.baselineguard.engine.port.ArmGateway;
import com.baselineguard.engine.port.ArmResponse;
import com.baselineguard.engine.port.ArmUnavailableException;
import com.baselineguard.engine.port.KeyVaultGateway;
import com.baselineguard.model.ResourceId;
import com.baselineguard.rules.Catalog;
import com.baselineguard.storage.InMemoryFixLedger;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pipeline's order: what each gate spares the later steps, and what every invocation ends with. */
class RemediatorTest {

    private final ScriptedArm arm = new ScriptedArm();

    private Remediator remediator(ArmGateway gateway) {
        return new Remediator(Steps.evaluator(Map.of()), Catalog.standard(), gateway,
                KeyVaultGateway.unavailable("not used"), Clock.fixed(Steps.NOW, ZoneOffset.UTC),
                RemediationSettings.DEFAULTS, new InMemoryFixLedger(), Duration.ofSeconds(5));
    }

    private Outcome handle(String resourceId) {
        return remediator(arm).handle(Steps.item(resourceId));
    }

    @Test
    void aFixIsReadRelatedDataReadPlannedAndSentInOneInvocation() {
        arm.store(Steps.cache());
        Outcome outcome = handle(Steps.CACHE);
        assertEquals(Result.REMEDIATED, outcome.result(), outcome.reason());
        assertEquals(List.of(Kind.GET, Kind.DIAGNOSTIC_SETTINGS, Kind.FIREWALL_RULES, Kind.PRIVATE_ENDPOINT_CONNECTIONS,
                Kind.PATCH), arm.sent.stream().map(ScriptedArm.Sent::kind).toList(), "the published cache is public");
        assertEquals(5, outcome.armCalls());
        assertEquals(Optional.of("Microsoft.Cache/redis"), outcome.resourceType());
        assertEquals(Steps.NOW.plusSeconds(30), outcome.followUp().orElseThrow().notBefore(), "the verification read");
    }

    @Test
    void anIdBaselineGuardDoesNotActOnCostsNoCall() {
        Outcome outcome = handle("/subscriptions/x/resourceGroups/rg1/providers/Microsoft.Storage/storageAccounts/s");
        assertEquals(Result.SKIPPED, outcome.result());
        assertTrue(arm.sent.isEmpty());
        assertEquals(Optional.empty(), outcome.resourceType());
    }

    @Test
    void workNotDueCostsNoCall() {
        WorkItem later = new WorkItem(Steps.CACHE, Trigger.DEFERRED, Optional.empty(), "c", false, 1,
                Steps.NOW.plusSeconds(10));
        Outcome outcome = remediator(arm).handle(later);
        assertEquals(Result.DEFERRED, outcome.result());
        assertEquals(Optional.of(later), outcome.followUp());
        assertTrue(arm.sent.isEmpty());
    }

    @Test
    void aResourceStillChangingIsNotReadFurther() {
        JsonObject updating = Steps.cache();
        updating.getAsJsonObject("properties").addProperty("provisioningState", "Updating");
        arm.store(updating);
        Outcome outcome = handle(Steps.CACHE);
        assertEquals(Result.DEFERRED, outcome.result());
        assertEquals(List.of(Kind.GET), arm.sent.stream().map(ScriptedArm.Sent::kind).toList(), "no related reads yet");
    }

    @Test
    void armOutOfReachDefersTheWork() {
        ArmGateway unreachable = new ScriptedArm() {
            @Override
            public ArmResponse get(ResourceId id) {
                throw new ArmUnavailableException("GET failed: ConnectException", null);
            }
        };
        Outcome outcome = remediator(unreachable).handle(Steps.item(Steps.CACHE));
        assertEquals(Result.DEFERRED, outcome.result());
        assertEquals("Azure Resource Manager unavailable: GET failed: ConnectException", outcome.reason());
        assertTrue(outcome.followUp().isPresent());
    }

    @Test
    void aResourceHeldByAnotherInvocationIsDeferredWithoutACall() throws Exception {
        arm.store(Steps.cache());
        java.util.concurrent.CountDownLatch reading = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ScriptedArm slow = new ScriptedArm() {
            @Override
            public ArmResponse get(ResourceId id) {
                reading.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return arm.get(id);
            }
        };
        Remediator remediator = new Remediator(Steps.evaluator(Map.of()), Catalog.standard(), slow,
                KeyVaultGateway.unavailable("not used"), Clock.fixed(Steps.NOW, ZoneOffset.UTC),
                RemediationSettings.DEFAULTS, new InMemoryFixLedger(), Duration.ofMillis(100));
        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> remediator.handle(Steps.item(Steps.CACHE)));
        reading.await();
        Outcome second = remediator.handle(Steps.item(Steps.CACHE));
        release.countDown();
        assertEquals(Result.DEFERRED, second.result());
        assertEquals("another invocation is working on this resource; retried later", second.reason());
        assertEquals(0, second.armCalls());
        assertEquals(Result.REMEDIATED, first.get().result());
    }

    @Test
    void theOutcomeSaysWhichRulesTheResourcesExemptionTagLeftOut() {
        JsonObject partly = Steps.cache();
        JsonObject tags = new JsonObject();
        tags.addProperty("baseline-guard-exempt", "REDIS-001, REDIS-009");
        partly.add("tags", tags);
        arm.store(partly);
        Outcome outcome = handle(Steps.CACHE);
        assertEquals(java.util.Set.of("REDIS-001", "REDIS-009"), outcome.exemption().orElseThrow().ruleIds());
        assertTrue(outcome.findings().stream().noneMatch(f -> f.rule().id().equals("REDIS-001")));
        assertEquals("REDIS-001", outcome.toJson().getAsJsonObject("exemption").getAsJsonArray("ruleIds").get(0)
                .getAsString());

        tags.addProperty("baseline-guard-exempt", "*");
        arm.store(partly);
        Outcome whole = handle(Steps.CACHE);
        assertEquals(Result.SKIPPED, whole.result());
        assertTrue(whole.exemption().orElseThrow().all());

        arm.store(Steps.cache());
        assertTrue(handle(Steps.CACHE).exemption().isEmpty());
        assertTrue(handle(Steps.CACHE).toJson().get("exemption").isJsonNull(), "written out as null, never omitted");
    }

    @Test
    void aCallerThatWaitsLessBoundsTheInvocationsRetryWaitsButNotItsRequests() {
        arm.store(Steps.cache());
        List<Instant[]> bounds = new java.util.ArrayList<>();
        ScriptedArm bounded = new ScriptedArm() {
            @Override
            public ArmGateway within(Instant deadline, Instant waitsEndBy) {
                bounds.add(new Instant[] {deadline, waitsEndBy});
                return arm;
            }
        };
        Instant endOfWaiting = Instant.now().plusSeconds(2);
        Outcome outcome = remediator(bounded).handle(Steps.item(Steps.CACHE), endOfWaiting);
        assertEquals(Result.REMEDIATED, outcome.result(), outcome.reason());
        assertEquals(1, bounds.size());
        assertEquals(endOfWaiting, bounds.get(0)[1]);
        assertTrue(bounds.get(0)[0].isAfter(endOfWaiting), "requests still run to the invocation's own deadline");
        assertEquals(5, outcome.armCalls(), "the requests went through the bounded gateway and were counted");
    }
}
