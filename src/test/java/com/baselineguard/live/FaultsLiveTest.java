package com.baselineguard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.app.Composition;
import com.baselineguard.engine.Action;
import com.baselineguard.engine.Outcome;
import com.baselineguard.engine.RemediationSettings;
import com.baselineguard.engine.Remediator;
import com.baselineguard.engine.Result;
import com.baselineguard.engine.Trigger;
import com.baselineguard.engine.WorkItem;
import com.baselineguard.engine.port.KeyVaultGateway;
import com.baselineguard.storage.InMemoryFixLedger;
import com.baselineguard.testing.Fixtures;
import com.baselineguard.testing.LiveHarness;
import com.baselineguard.testing.arm.Fault;
import com.baselineguard.testing.arm.Request;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every ARM fault kind through the real SDK pipeline against the stand-in. Attempts are counted in
 * the stand-in's log; elapsed time is only checked loosely (an hour's Retry-After must not be waited).
 */
public class FaultsLiveTest {

    public static final String CACHE = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1";
    public static final String CACHE_PATH = ".*/Redis/cache1";

    private LiveHarness live;

    @BeforeEach
    void start() {
        live = LiveHarness.start();
        live.store(cache());
        live.arm.settleAfterGets(CACHE, 0);
    }

    @AfterEach
    void stop() {
        live.close();
    }

    private Outcome handle(Remediator remediator) {
        return LiveHarness.remediate(remediator, CACHE, false);
    }

    private long answered(String method, int status) {
        return live.arm.requests().stream().filter(r -> r.method().equals(method) && r.status() == status).count();
    }

    @Test
    void aShortRetryAfterIsWaitedAndTheRequestRetried() {
        live.arm.inject(Fault.on("PATCH", CACHE_PATH).throttled(1).times(2));
        Outcome outcome = handle(live.composition().remediator());
        assertEquals(Result.REMEDIATED, outcome.result(), outcome.reason());
        assertEquals(3, live.patches().size(), "two throttled attempts, then the one that went through");
        assertEquals(2, answered("PATCH", 429));
    }

    @Test
    void anHourLongRetryAfterIsNotWaitedButDeferredForAtMostTheCap() {
        live.arm.inject(Fault.on("PATCH", CACHE_PATH).throttled(3600).always());
        long started = System.nanoTime();
        Outcome outcome = handle(live.composition().remediator());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(Result.DEFERRED, outcome.result(), outcome.reason());
        assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "took " + took);
        assertEquals(1, live.patches().size(), "not retried early against the server's Retry-After");
        Instant notBefore = outcome.followUp().orElseThrow().notBefore();
        assertTrue(notBefore.isAfter(Instant.now().plus(Duration.ofMinutes(14))), "deferred for the capped Retry-After");
    }

    @Test
    void retryWaitsStopAtTheInvocationDeadline() {
        live.arm.inject(Fault.on("GET", CACHE_PATH).throttled(2).always());
        Composition app = live.composition();
        Remediator remediator = new Remediator(app.evaluator(), app.catalog(), app.armGateway(), KeyVaultGateway.unavailable("not used by this test"), Clock.systemUTC(), new RemediationSettings(Duration.ofSeconds(1), 10), new InMemoryFixLedger(), Duration.ofSeconds(3));
        long started = System.nanoTime();
        Outcome outcome = handle(remediator);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(Result.DEFERRED, outcome.result(), outcome.reason());
        assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "took " + took);
        assertEquals(2, answered("GET", 429), "one wait of 2 s fits a 3 s deadline, a second does not");
        assertTrue(outcome.followUp().isPresent());
    }

    @Test
    void retryWaitsAlsoStopWhereTheCallerStopsWaiting() {
        // The command line's --max-wait: a Retry-After of 2 s fits the invocation's 25 s budget, not the caller's 1 s.
        live.arm.inject(Fault.on("PATCH", CACHE_PATH).throttled(2).times(1));
        Remediator remediator = live.composition().remediator();
        Instant waitsEndBy = Instant.now().plusSeconds(1);
        Outcome outcome = remediator.handle(remediator.start(CACHE, Trigger.CLI, Optional.empty(), Optional.empty(), false),
                waitsEndBy);
        assertEquals(Result.DEFERRED, outcome.result(), outcome.reason());
        assertEquals(1, live.patches().size(), "not retried: the wait would end after the caller stops waiting");
        assertEquals(1, answered("PATCH", 429));
        assertTrue(outcome.followUp().orElseThrow().notBefore().isAfter(waitsEndBy),
                "the follow-up waits for the server's Retry-After");

        live.arm.inject(Fault.on("PATCH", CACHE_PATH).throttled(2).times(1));
        Outcome unbounded = handle(remediator);
        assertEquals(Result.REMEDIATED, unbounded.result(), "without the caller's bound the same answer is waited out"
                + " and retried: " + unbounded.reason());
        assertEquals(3, live.patches().size());
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenDeferredNotLost() {
        live.arm.inject(Fault.on("GET", CACHE_PATH).status(503).always());
        Outcome outcome = handle(live.composition().remediator());
        assertEquals(Result.DEFERRED, outcome.result(), outcome.reason());
        assertEquals(4, answered("GET", 503), "one attempt and three retries");
        assertTrue(outcome.followUp().isPresent(), "the work is deferred, not lost");
        assertEquals(0, live.patches().size());
    }

    @Test
    void aFewServerErrorsAreRetriedThrough() {
        live.arm.inject(Fault.on("PATCH", CACHE_PATH).status(500).times(2));
        Outcome outcome = handle(live.composition().remediator());
        assertEquals(Result.REMEDIATED, outcome.result(), outcome.reason());
        assertEquals(3, live.patches().size());
    }

    @Test
    void droppedConnectionsAreRetriedThenDeferred() {
        live.arm.inject(Fault.on("GET", CACHE_PATH).drop().always());
        Outcome outcome = handle(live.composition().remediator());
        assertEquals(Result.DEFERRED, outcome.result(), outcome.reason());
        assertTrue(outcome.reason().contains("unavailable"), outcome.reason());
        long drops = live.arm.requests().stream().filter(r -> r.status() == Request.DROPPED).count();
        assertTrue(drops >= 4 && drops <= 8, "retried with a bound: " + drops);
        assertTrue(outcome.followUp().isPresent());
    }

    @Test
    void aBusyResourceGetsOnePatchPerInvocationNeverMore() {
        live.arm.inject(Fault.on("PATCH", CACHE_PATH).conflict("The resource is busy processing a previous update request.").always());
        Remediator remediator = live.composition().remediator();
        WorkItem item = remediator.start(CACHE, Trigger.HTTP, Optional.empty(), Optional.empty(), false);
        List<Outcome> outcomes = chain(remediator, item);
        assertTrue(outcomes.subList(0, outcomes.size() - 1).stream().allMatch(o -> o.result() == Result.DEFERRED));
        assertEquals(outcomes.size(), live.patches().size(), "exactly one PATCH per invocation");
        assertEquals(Result.FAILED, outcomes.get(outcomes.size() - 1).result());
    }

    @Test
    void aResourceDeletedBetweenEventAndReadIsGoneWithoutRetry() {
        live.arm.remove(CACHE);
        Outcome outcome = handle(live.composition().remediator());
        assertEquals(Result.GONE, outcome.result());
        assertTrue(outcome.followUp().isEmpty());
        assertEquals(1, live.arm.requests().size());
    }

    @Test
    void aRefusedPatchContinuesWithIndependentLaterStepsOnly() {
        live.with("BG_DIAGNOSTICS_WORKSPACE_ID",
                "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.OperationalInsights/workspaces/logs");
        live.arm.inject(Fault.on("PATCH", CACHE_PATH).badRequest("InvalidRequestBody",
                "The value of minimumTlsVersion is not supported for this cache.").always());
        Remediator remediator = live.composition().remediator();
        Outcome first = handle(remediator);
        assertEquals(Result.FAILED, first.result());
        assertTrue(first.reason().contains("InvalidRequestBody: The value of minimumTlsVersion is not supported"), first.reason());
        WorkItem next = first.followUp().orElseThrow(() -> new AssertionError("the independent diagnostic setting follows"));
        assertFalse(next.refusedRules().isEmpty());
        Outcome second = remediator.handle(due(next));
        assertEquals(1, live.arm.count("PUT"), second.reason());
        assertEquals(1, live.patches().size(), "the refused PATCH is not sent again");
        List<Outcome> rest = chain(remediator, second.followUp().orElseThrow());
        Outcome last = rest.get(rest.size() - 1);
        assertEquals(Result.FAILED, last.result(), last.reason());
        assertTrue(last.reason().contains("refused"), last.reason());
        assertEquals(1, live.patches().size());
    }

    @Test
    void aLongRunningOperationThatNeverEndsIsWaitedInBoundedStepsThenFails() {
        live.with("BG_MAX_ATTEMPTS", "4");
        live.arm.patchAsynchronously(CACHE, 1_000_000);
        Remediator remediator = live.composition().remediator();
        List<Outcome> outcomes = chain(remediator, remediator.start(CACHE, Trigger.HTTP, Optional.empty(), Optional.empty(), false));
        assertEquals(4, outcomes.size());
        assertEquals(Action.Status.ACCEPTED, outcomes.get(0).actions().get(0).status());
        assertTrue(outcomes.get(1).reason().contains("Updating"), outcomes.get(1).reason());
        Outcome last = outcomes.get(3);
        assertEquals(Result.FAILED, last.result());
        assertTrue(last.reason().contains("gave up after 4 attempts"), last.reason());
        assertEquals(1, live.patches().size());
        assertTrue(live.arm.requests().stream().noneMatch(r -> r.path().contains("/operation")), "never polls in-process");
    }

    /** Runs a chain of work to its end, follow-ups made due at once. */
    static List<Outcome> chain(Remediator remediator, WorkItem first) {
        List<Outcome> outcomes = new ArrayList<>();
        Optional<WorkItem> next = Optional.of(first);
        while (next.isPresent() && outcomes.size() < 50) {
            Outcome outcome = remediator.handle(due(next.get()));
            outcomes.add(outcome);
            next = outcome.followUp();
        }
        return outcomes;
    }

    public static WorkItem due(WorkItem item) {
        return new WorkItem(item.resourceId(), item.trigger(), item.eventId(), item.correlationId(), item.dryRun(),
                item.attempt(), Instant.EPOCH, item.refusedRules());
    }

    public static JsonObject cache() {
        return Fixtures.json("Microsoft.Cache/redis/2024-11-01_RedisCacheUpdate.json").getAsJsonObject();
    }
}
