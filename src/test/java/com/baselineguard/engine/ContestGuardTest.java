package com.baselineguard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.port.FixLedger;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.storage.InMemoryFixLedger;
import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonPrimitive;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Concurrent writers and the loop and fight guard. */
class ContestGuardTest {

    private final InMemoryFixLedger ledger = new InMemoryFixLedger();
    private final ContestGuard guard = new ContestGuard(ledger, Clock.fixed(Steps.NOW, ZoneOffset.UTC),
            new RemediationSettings(Duration.ofSeconds(30), 10, 3, Duration.ofMinutes(60), 10));
    private final ResourceReport report = Steps.evaluator(Map.of()).evaluate(Steps.cacheSnapshot());

    @Test
    void oneInvocationPerResourceAtATimeInTheProcess() throws Exception {
        try (ContestGuard.Hold held = guard.hold(Steps.CACHE, Duration.ZERO).orElseThrow()) {
            // The lock is reentrant, so the rival must be another thread; ids compare without case, as ARM's do.
            assertTrue(CompletableFuture.supplyAsync(() -> guard.hold(Steps.CACHE.toUpperCase(), Duration.ofMillis(50)))
                    .get().isEmpty());
        }
        assertTrue(CompletableFuture.supplyAsync(() -> {
            Optional<ContestGuard.Hold> after = guard.hold(Steps.CACHE, Duration.ZERO);
            after.ifPresent(ContestGuard.Hold::close);
            return after.isPresent();
        }).get(), "released when the holder closes it");
    }

    @Test
    void aPatchCarriesTheEtagItReadOtherRequestsNone() {
        ResourceSnapshot withEtag = Fixtures.with(Steps.cacheSnapshot(), "etag", new JsonPrimitive("W/\"0x8D4\""));
        PlanStep patch = report.plan().steps().get(0);
        assertEquals(Optional.of("W/\"0x8D4\""), guard.ifMatch(withEtag, patch));
        assertEquals(Optional.empty(), guard.ifMatch(Steps.cacheSnapshot(), patch), "the published cache has no etag");
        ResourceReport withLogs = Steps.evaluator(Map.of("BG_DIAGNOSTICS_WORKSPACE_ID", Steps.WORKSPACE))
                .evaluate(Fixtures.related(withEtag, com.baselineguard.model.RelatedKind.DIAGNOSTIC_SETTINGS, List.of()));
        PlanStep put = withLogs.plan().steps().get(withLogs.plan().steps().size() - 1);
        assertTrue(put.request() instanceof PlanStep.PutExtension);
        assertEquals(Optional.empty(), guard.ifMatch(withEtag, put));
    }

    @Test
    void afterTheMostFixesWithinTheWindowTheResourceIsContested() {
        for (int minutesAgo : new int[] {50, 30, 10}) {
            ledger.record(Steps.CACHE, List.of("REDIS-006"), Steps.NOW.minus(Duration.ofMinutes(minutesAgo)));
        }
        Verdict verdict = guard.beforeSending(Steps.cacheSnapshot(), report, report.plan()).orElseThrow();
        assertEquals(Result.CONTESTED, verdict.result());
        assertEquals("contested: REDIS-006 fixed 3 times within 60 min and reverted again; no PATCH until the window passes",
                verdict.reason());
        assertTrue(verdict.actions().stream().allMatch(a -> a.status() == Action.Status.SKIPPED));
        assertEquals(Verdict.FollowUp.NONE, verdict.followUp());
    }

    @Test
    void fixesOutsideTheWindowOrFewerDoNotCount() {
        ledger.record(Steps.CACHE, List.of("REDIS-006"), Steps.NOW.minus(Duration.ofMinutes(61)));
        ledger.record(Steps.CACHE, List.of("REDIS-006"), Steps.NOW.minus(Duration.ofMinutes(20)));
        ledger.record(Steps.CACHE, List.of("REDIS-006"), Steps.NOW.minus(Duration.ofMinutes(10)));
        assertEquals(Optional.empty(), guard.beforeSending(Steps.cacheSnapshot(), report, report.plan()));
    }

    @Test
    void aLedgerThatCannotBeReadDefersTheWorkAndSendsNothing() {
        ContestGuard unreadable = new ContestGuard(new BrokenLedger(), Clock.systemUTC(), RemediationSettings.DEFAULTS);
        Verdict verdict = unreadable.beforeSending(Steps.cacheSnapshot(), report, report.plan()).orElseThrow();
        assertEquals(Result.DEFERRED, verdict.result());
        assertEquals(Verdict.FollowUp.LATER, verdict.followUp());
        assertEquals("the fix ledger cannot be read (IllegalStateException); nothing sent, retried later", verdict.reason());
    }

    @Test
    void anAcceptedFixIsRecordedAndAFailureToRecordIsSaid() {
        PlanStep step = report.plan().steps().get(0);
        assertEquals("", guard.recordFix(Steps.cacheSnapshot(), step));
        assertEquals(1, ledger.fixesSince(Steps.CACHE, "REDIS-006", Steps.NOW));
        assertEquals(1, ledger.fixesSince(Steps.CACHE, "REDIS-007", Steps.NOW));
        ContestGuard unwritable = new ContestGuard(new BrokenLedger(), Clock.systemUTC(), RemediationSettings.DEFAULTS);
        assertEquals("; the fix could not be recorded in the fix ledger (IllegalStateException)",
                unwritable.recordFix(Steps.cacheSnapshot(), step));
    }

    /** A ledger whose storage is unreachable. */
    private static final class BrokenLedger implements FixLedger {
        @Override
        public void record(String resourceId, List<String> ruleIds, Instant at) {
            throw new IllegalStateException("storage unreachable");
        }

        @Override
        public int fixesSince(String resourceId, String ruleId, Instant since) {
            throw new IllegalStateException("storage unreachable");
        }
    }
}
