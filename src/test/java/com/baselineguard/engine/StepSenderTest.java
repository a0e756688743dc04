package com.baselineguard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.ScriptedArm.Kind;
import com.baselineguard.engine.port.KeyVaultResponse;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.storage.InMemoryFixLedger;
import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One step sent, each kind of request to its service, and what each reply makes of the invocation. */
class StepSenderTest {

    private final ScriptedArm arm = new ScriptedArm();
    private final KeyVaultScript keyVault = new KeyVaultScript();
    private final InMemoryFixLedger ledger = new InMemoryFixLedger();
    private final StepSender sender = new StepSender(keyVault, new ContestGuard(ledger,
            Clock.fixed(Steps.NOW, ZoneOffset.UTC), RemediationSettings.DEFAULTS));

    /** The published cache with an etag, its diagnostic settings read (none), logs to a workspace: PATCH, then PUT. */
    private final ResourceSnapshot cache = Fixtures.related(Fixtures.with(Steps.cacheSnapshot(), "etag",
            new JsonPrimitive("W/\"0x8D4\"")), RelatedKind.DIAGNOSTIC_SETTINGS, List.of());
    private final ResourceReport report = Steps.evaluator(Map.of("BG_DIAGNOSTICS_WORKSPACE_ID", Steps.WORKSPACE))
            .evaluate(cache);

    private Verdict send(ResourceSnapshot snapshot, ResourceReport report, RemediationPlan plan) {
        return sender.send(new Invocation(Steps.item(snapshot.id().toString()), Steps.NOW, arm), snapshot, report, plan);
    }

    private Verdict sendFirst() {
        return send(cache, report, report.plan());
    }

    /** The plan from its second step: the diagnostic setting alone. */
    private RemediationPlan putOnly() {
        return new RemediationPlan(report.plan().steps().subList(1, 2));
    }

    @Test
    void anAcceptedPatchIsRecordedAndTheNextStepFollows() {
        Verdict verdict = sendFirst();
        assertEquals(Result.PARTIALLY_REMEDIATED, verdict.result());
        assertEquals("step 1 of 2 sent; the next follows after a delay", verdict.reason());
        assertEquals(Verdict.FollowUp.LATER, verdict.followUp());
        ScriptedArm.Sent patch = arm.sent.get(0);
        assertEquals(Kind.PATCH, patch.kind());
        assertEquals(Optional.of("W/\"0x8D4\""), patch.ifMatch(), "If-Match: the etag as read");
        assertEquals(Fixtures.parse("{\"properties\":{\"enableNonSslPort\":false,\"minimumTlsVersion\":\"1.2\"}}"), patch.body());
        assertEquals(List.of(Action.Status.APPLIED, Action.Status.APPLIED, Action.Status.PENDING),
                verdict.actions().stream().map(Action::status).toList());
        assertEquals(1, ledger.fixesSince(Steps.CACHE, "REDIS-006", Steps.NOW));
    }

    @Test
    void aLongRunningWriteIsAcceptedAndTheLastStepIsVerifiedLater() {
        arm.answer(Kind.PUT_DIAGNOSTIC_SETTING, ScriptedArm.reply(202, null));
        Verdict verdict = send(cache, report, putOnly());
        assertEquals(Result.REMEDIATED, verdict.result());
        assertEquals("the plan was sent; a verification read follows", verdict.reason());
        assertEquals(Action.Status.ACCEPTED, verdict.actions().get(0).status());
        ScriptedArm.Sent put = arm.sent.get(0);
        assertEquals(Kind.PUT_DIAGNOSTIC_SETTING, put.kind());
        assertEquals(Steps.CACHE + "/providers/Microsoft.Insights/diagnosticSettings/baseline-guard", put.target());
        assertEquals(Optional.empty(), put.ifMatch());
    }

    @Test
    void anAcceptedWriteCarriesTheUrlOfItsLongRunningOperationAndOnlyItDoes() {
        // Redis_Update answers 202 with a Location header (2024-11-01 example RedisCacheUpdate.json); ARM names
        // Azure-AsyncOperation first when it gives both, which the gateway prefers.
        String operation = "https://management.azure.com/subscriptions/00000000-0000-0000-0000-000000000000/providers/"
                + "Microsoft.Cache/locations/westus/asyncOperations/3f2a?api-version=2024-11-01";
        arm.answer(Kind.PATCH, new com.baselineguard.engine.port.ArmResponse(202, null, Optional.of(Duration.ofSeconds(15)),
                Optional.of(operation)));
        Verdict verdict = sendFirst();
        assertEquals(List.of(Action.Status.ACCEPTED, Action.Status.ACCEPTED, Action.Status.PENDING),
                verdict.actions().stream().map(Action::status).toList());
        assertEquals(List.of(Optional.of(operation), Optional.of(operation), Optional.empty()),
                verdict.actions().stream().map(Action::operation).toList(), "the pending step has no operation yet");
        assertEquals(Optional.of(Duration.ofSeconds(15)), verdict.retryAfter(), "the next look waits as ARM asked");

        ScriptedArm done = new ScriptedArm();
        done.answer(Kind.PATCH, new com.baselineguard.engine.port.ArmResponse(200, null, Optional.empty(),
                Optional.of(operation)));
        Verdict applied = new StepSender(keyVault, new ContestGuard(ledger, Clock.fixed(Steps.NOW, ZoneOffset.UTC),
                RemediationSettings.DEFAULTS)).send(new Invocation(Steps.item(Steps.CACHE), Steps.NOW, done), cache,
                report, report.plan());
        assertEquals(Optional.empty(), applied.actions().get(0).operation(), "a write that is done runs no operation");
    }

    @Test
    void aPatchOnAResourceThatChangedSinceItWasReadIsReReadLater() {
        arm.answer(Kind.PATCH, ScriptedArm.error(412, "PreconditionFailed", "etag changed"));
        Verdict verdict = sendFirst();
        assertEquals(Result.DEFERRED, verdict.result());
        assertEquals("the resource changed after it was read (412 Precondition Failed on If-Match W/\"0x8D4\"); it is"
                + " re-read later", verdict.reason());
        assertTrue(verdict.actions().stream().allMatch(a -> a.status() == Action.Status.SKIPPED));
    }

    @Test
    void aBusyResourceIsRetriedAfterWhatTheServerAsked() {
        arm.answer(Kind.PATCH, ScriptedArm.error(409, "Conflict", "busy", Optional.of(Duration.ofMinutes(3))));
        Verdict verdict = sendFirst();
        assertEquals(Result.DEFERRED, verdict.result());
        assertEquals("ARM answered 409 (Conflict: busy); retried later", verdict.reason());
        assertEquals(Optional.of(Duration.ofMinutes(3)), verdict.retryAfter());
        assertEquals(0, ledger.fixesSince(Steps.CACHE, "REDIS-006", Steps.NOW.minusSeconds(1)));
    }

    @Test
    void aResourceDeletedMeanwhileEndsTheWork() {
        arm.answer(Kind.PATCH, ScriptedArm.error(404, "ResourceNotFound", "gone"));
        Verdict verdict = sendFirst();
        assertEquals(Result.GONE, verdict.result());
        assertEquals("the resource was deleted before the fix was sent", verdict.reason());
        assertTrue(verdict.actions().isEmpty());
    }

    @Test
    void aRefusedPatchLetsTheIndependentStepsContinueWithoutIt() {
        arm.answer(Kind.PATCH, ScriptedArm.error(400, "InvalidRequestBody", "not for this cache"));
        Verdict verdict = sendFirst();
        assertEquals(Result.FAILED, verdict.result());
        assertEquals(Verdict.FollowUp.LATER, verdict.followUp());
        assertEquals("PATCH refused: InvalidRequestBody: not for this cache; 1 independent later step(s) continue in the"
                + " next invocation", verdict.reason());
        assertEquals(Set.of("REDIS-006", "REDIS-007"), verdict.refusedNow());
        assertTrue(verdict.actions().stream().allMatch(a -> a.status() == Action.Status.FAILED));
    }

    @Test
    void aRefusedLastStepFailsTheChain() {
        arm.answer(Kind.PUT_DIAGNOSTIC_SETTING, ScriptedArm.error(400, "BadRequest", "no such workspace"));
        Verdict verdict = send(cache, report, putOnly());
        assertEquals(Result.FAILED, verdict.result());
        assertEquals(Verdict.FollowUp.NONE, verdict.followUp());
        assertEquals("PUT refused: BadRequest: no such workspace", verdict.reason());
    }

    @Test
    void aForbiddenWriteNamesTheActionItNeeds() {
        arm.answer(Kind.PATCH, ScriptedArm.error(403, "AuthorizationFailed", "no write"));
        assertEquals("permission missing: Microsoft.Cache/redis/write (AuthorizationFailed: no write)", sendFirst().reason());
        arm.answer(Kind.PUT_DIAGNOSTIC_SETTING, ScriptedArm.error(403, "AuthorizationFailed", "no write"));
        assertEquals("permission missing: Microsoft.Insights/diagnosticSettings/write (AuthorizationFailed: no write)",
                send(cache, report, putOnly()).reason());
    }

    /** The published account with its key loaded (no rotation policy) and BATCH-010 enforced: a Key Vault step. */
    private Verdict sendRotationPolicy() {
        JsonObject summary = new JsonObject();
        summary.addProperty("keyIdentifier", Steps.KEY);
        summary.addProperty("read", "ok");
        summary.add("key", Fixtures.parse("{\"kty\":\"RSA\",\"keySize\":2048,\"enabled\":true}"));
        summary.add("rotationPolicy", com.google.gson.JsonNull.INSTANCE);
        ResourceSnapshot account = Fixtures.related(Fixtures.related(ResourceSnapshot.of(Steps.cmkAccount()),
                RelatedKind.KEY_VAULTS, List.of(Fixtures.json("Microsoft.KeyVault/vaults/2024-11-01_getVault.json")
                        .getAsJsonObject())), RelatedKind.KEYS, List.of(summary));
        ResourceReport batch = Steps.evaluator(Map.of("BG_RULE_MODE_BATCH_010", "enforce")).evaluate(account);
        RemediationPlan keyStep = new RemediationPlan(batch.plan().steps().stream()
                .filter(s -> s.request() instanceof PlanStep.SetKeyRotationPolicy).toList());
        assertEquals(1, keyStep.steps().size(), batch.plan().toString());
        return send(account, batch, keyStep);
    }

    @Test
    void aKeyRotationPolicyGoesToKeyVaultNotArm() {
        Verdict verdict = sendRotationPolicy();
        assertEquals(Result.REMEDIATED, verdict.result(), verdict.reason());
        assertEquals(List.of("PUT https://sample-vault.vault.azure.net/keys/batchkey/rotationpolicy"), keyVault.calls);
        assertTrue(arm.sent.isEmpty());
        assertEquals(Steps.KEY + "/rotationpolicy", verdict.actions().get(0).target());
    }

    @Test
    void keyVaultsAnswersAreReadAsKeyVaults() {
        keyVault.setAnswer = new KeyVaultResponse(403, Optional.empty(), "Forbidden: caller lacks rotationpolicy/write");
        assertEquals("permission missing: Microsoft.KeyVault/vaults/keys/rotationpolicy/write (Key Vault data action)"
                + " (KeyVault: Forbidden: caller lacks rotationpolicy/write)", sendRotationPolicy().reason());
        keyVault.calls.clear();
        keyVault.setAnswer = new KeyVaultResponse(429, Optional.empty(), "Throttled");
        Verdict throttled = sendRotationPolicy();
        assertEquals(Result.DEFERRED, throttled.result());
        assertEquals("Key Vault answered 429 (KeyVault: Throttled); retried later", throttled.reason());
        keyVault.setAnswer = KeyVaultResponse.notSent("'https://evil.example' is not a Key Vault endpoint of this cloud");
        Verdict notSent = sendRotationPolicy();
        assertEquals(Result.FAILED, notSent.result());
        assertEquals("PUT refused: NotSent: 'https://evil.example' is not a Key Vault endpoint of this cloud", notSent.reason());
    }

    @Test
    void anUnreachableKeyVaultDefersTheWork() {
        keyVault.unreachable = true;
        Verdict verdict = sendRotationPolicy();
        assertEquals(Result.DEFERRED, verdict.result());
        assertEquals("Key Vault unavailable: connection refused", verdict.reason());
        assertTrue(verdict.actions().stream().allMatch(a -> a.status() == Action.Status.SKIPPED));
    }
}
