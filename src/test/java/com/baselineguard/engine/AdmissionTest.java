package com.baselineguard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Catalog;
import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonPrimitive;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The first gate (ids, due work) and the last one before a write. */
class AdmissionTest {

    private final Admission admission = new Admission(Steps.evaluator(Map.of()).policy());

    private Optional<Verdict> beforeWriting(Map<String, String> environment, WorkItem item, ResourceSnapshot snapshot) {
        ResourceReport report = Steps.evaluator(environment).evaluate(snapshot);
        return new Admission(Steps.evaluator(environment).policy()).beforeWriting(item, snapshot, report,
                Planning.remaining(report, item.refusedRules()));
    }

    @Test
    void idsBaselineGuardDoesNotActOnAreRefusedWithoutAnArmCall() {
        assertTrue(admission.refusal("not-an-id").isPresent());
        String vault = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.KeyVault/vaults/v";
        assertTrue(admission.refusal(vault).orElseThrow().startsWith("type Microsoft.KeyVault/vaults is not evaluated by"
                + " Baseline Guard; supported: Microsoft.Cache/redis, "), admission.refusal(vault).toString());
        Admission scoped = new Admission(Steps.evaluator(Map.of("BG_SCOPES",
                "/subscriptions/11111111-1111-1111-1111-111111111111")).policy());
        assertEquals(Optional.of("resource is outside the configured scopes (BG_SCOPES)"), scoped.refusal(Steps.CACHE));
        assertEquals(Optional.empty(), admission.refusal(Steps.CACHE));
    }

    @Test
    void workNotDueYetGoesBackUnchanged() {
        WorkItem later = new WorkItem(Steps.CACHE, Trigger.DEFERRED, Optional.empty(), "c", false, 2,
                Steps.NOW.plusSeconds(30));
        Verdict verdict = admission.notDue(later, Steps.NOW).orElseThrow();
        assertEquals(Result.DEFERRED, verdict.result());
        assertEquals(Verdict.FollowUp.SAME_ITEM, verdict.followUp());
        assertEquals("not due before 2026-01-10T10:00:30Z", verdict.reason());
        assertEquals(Optional.empty(), admission.notDue(later, Steps.NOW.plusSeconds(30)));
    }

    @Test
    void aPlanToSendIsAdmitted() {
        assertEquals(Optional.empty(), beforeWriting(Map.of(), Steps.item(Steps.CACHE), Steps.cacheSnapshot()));
    }

    @Test
    void aDryRunPlansAndSendsNothing() {
        WorkItem dry = new WorkItem(Steps.CACHE, Trigger.HTTP, Optional.empty(), "c", true, 0, Instant.EPOCH);
        Verdict verdict = beforeWriting(Map.of(), dry, Steps.cacheSnapshot()).orElseThrow();
        assertEquals(Result.AUDITED, verdict.result());
        assertEquals("dry run: 1 step(s) planned, nothing sent", verdict.reason());
        assertTrue(verdict.actions().stream().allMatch(a -> a.status() == Action.Status.PLANNED && a.detail().equals("dry run")));
        assertEquals(Verdict.FollowUp.NONE, verdict.followUp());
    }

    @Test
    void auditModeFindsButDoesNotSend() {
        Verdict verdict = beforeWriting(Map.of("BG_MAX_MODE", "audit"), Steps.item(Steps.CACHE), Steps.cacheSnapshot())
                .orElseThrow();
        assertEquals(Result.AUDITED, verdict.result());
        assertEquals("rules fail; their fixes are audit-only or blocked (see findings)", verdict.reason());
        assertTrue(verdict.actions().isEmpty());
    }

    @Test
    void aCompliantResourceNeedsNothing() {
        ResourceSnapshot fixed = Fixtures.with(Fixtures.with(Steps.cacheSnapshot(), "properties.enableNonSslPort",
                new JsonPrimitive(false)), "properties.minimumTlsVersion", new JsonPrimitive("1.2"));
        Policy tlsOnly = Steps.evaluator(Map.of()).policy().onlyRules(Set.of("REDIS-006", "REDIS-007"));
        ResourceReport report = new Evaluator(Catalog.standard(), tlsOnly).evaluate(fixed);
        Verdict verdict = new Admission(tlsOnly).beforeWriting(Steps.item(Steps.CACHE), fixed, report, report.plan())
                .orElseThrow();
        assertEquals(Result.COMPLIANT, verdict.result());
        assertEquals("nothing fails", verdict.reason());
        assertEquals(2, verdict.findings().size());
    }

    @Test
    void anExemptResourceIsSkipped() {
        ResourceSnapshot exempt = Fixtures.with(Steps.cacheSnapshot(), "tags",
                Fixtures.parse("{\"baseline-guard-exempt\":\"\"}"));
        Verdict verdict = beforeWriting(Map.of(), Steps.item(Steps.CACHE), exempt).orElseThrow();
        assertEquals(Result.SKIPPED, verdict.result());
        assertTrue(verdict.reason().startsWith("exempt from every rule by tag"), verdict.reason());
    }

    @Test
    void whenTheStepsArmRefusedLeaveNothingTheChainFails() {
        WorkItem refused = Steps.item(Steps.CACHE).refusing(Set.of("REDIS-006", "REDIS-007"));
        Verdict verdict = beforeWriting(Map.of(), refused, Steps.cacheSnapshot()).orElseThrow();
        assertEquals(Result.FAILED, verdict.result());
        assertEquals("ARM refused the fix of REDIS-006, REDIS-007 earlier in this chain; no independent step remains",
                verdict.reason());
    }

    @Test
    void onlyAResourceInItsHealthyStateIsWrittenTo() {
        ResourceSnapshot failed = Fixtures.with(Steps.cacheSnapshot(), "properties.provisioningState",
                new JsonPrimitive("Failed"));
        Verdict verdict = beforeWriting(Map.of(), Steps.item(Steps.CACHE), failed).orElseThrow();
        assertEquals(Result.AUDITED, verdict.result());
        assertEquals("provisioningState is Failed; Baseline Guard writes only to a resource in state Succeeded",
                verdict.reason());
        assertTrue(verdict.actions().stream().allMatch(a -> a.status() == Action.Status.SKIPPED
                && a.detail().equals("provisioningState Failed")));

        ResourceSnapshot disabled = Fixtures.with(Steps.cacheSnapshot(), "properties.resourceState",
                new JsonPrimitive("Disabled"));
        verdict = beforeWriting(Map.of(), Steps.item(Steps.CACHE), disabled).orElseThrow();
        assertEquals("resourceState is Disabled; Baseline Guard writes only to a resource in state Running", verdict.reason());
    }
}
