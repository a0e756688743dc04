package com.baselineguard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.Action;
import com.baselineguard.engine.Outcome;
import com.baselineguard.engine.Result;
import com.baselineguard.testing.LiveHarness;
import com.baselineguard.testing.arm.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reply table (engine/port/Replies) end to end: each answer is injected into the ARM stand-in and
 * reached through the real SDK pipeline, and the outcome is what the table says it means.
 */
class RepliesLiveTest {

    private static final String CACHE = FaultsLiveTest.CACHE;
    private static final String PATH = FaultsLiveTest.CACHE_PATH;

    private LiveHarness live;

    @BeforeEach
    void start() {
        live = LiveHarness.start();
        live.store(FaultsLiveTest.cache());
        live.arm.settleAfterGets(CACHE, 0);
    }

    @AfterEach
    void stop() {
        live.close();
    }

    private Outcome handle() {
        return live.remediate(CACHE, false);
    }

    @Test
    void aWriteTheServerTimedOutOnIsRetriedThenDeferredAndNothingIsMarkedFailed() {
        live.arm.inject(Fault.on("PATCH", PATH).status(408).error("RequestTimeout", "The request timed out.").always());
        Outcome outcome = handle();
        assertEquals(Result.DEFERRED, outcome.result(), outcome.reason());
        assertTrue(outcome.reason().startsWith("ARM answered 408 (RequestTimeout: "), outcome.reason());
        assertTrue(outcome.followUp().isPresent());
        assertTrue(outcome.actions().stream().allMatch(a -> a.status() == Action.Status.SKIPPED), outcome.actions().toString());
        assertEquals(4, live.patches().size(), "one attempt and the pipeline's three retries");
    }

    @Test
    void aReadOnlyLockFailsTheFixAtOnceInsteadOfRetryingIt() {
        // ARM's answer when a lock blocks a write (learn.microsoft.com/azure/azure-resource-manager/management/lock-resources).
        live.arm.inject(Fault.on("PATCH", PATH).status(409).error("ScopeLocked", "The scope '" + CACHE
                + "' cannot perform write operation because following scope(s) are locked: '" + CACHE
                + "'. Please remove the lock and try again.").always());
        Outcome outcome = handle();
        assertEquals(Result.FAILED, outcome.result(), outcome.reason());
        assertTrue(outcome.reason().startsWith("PATCH refused: ScopeLocked: "), outcome.reason());
        assertTrue(outcome.followUp().isEmpty(), "a lock does not go away by waiting");
        assertEquals(1, live.patches().size(), "409 is not retried within the request");
        assertTrue(outcome.actions().stream().allMatch(a -> a.status() == Action.Status.FAILED));
    }

    @Test
    void aBusyResourceIsStillDeferred() {
        live.arm.inject(Fault.on("PATCH", PATH).status(409).error("AnotherOperationInProgress",
                "Another operation on this or dependent resource is in progress.").times(1));
        Outcome outcome = handle();
        assertEquals(Result.DEFERRED, outcome.result(), outcome.reason());
        assertTrue(outcome.reason().startsWith("ARM answered 409 (AnotherOperationInProgress: "), outcome.reason());
    }

    @Test
    void aPolicyDenialIsARefusalNotAMissingPermission() {
        live.arm.inject(Fault.on("PATCH", PATH).status(403).error("RequestDisallowedByPolicy",
                "Resource 'cache1' was disallowed by policy.").always());
        Outcome outcome = handle();
        assertEquals(Result.FAILED, outcome.result(), outcome.reason());
        assertTrue(outcome.reason().startsWith("PATCH refused: RequestDisallowedByPolicy: "), outcome.reason());
        assertFalse(outcome.reason().contains("permission missing"), outcome.reason());
    }

    @Test
    void aReadRefusedWithPreconditionFailedFailsWithoutRetry() {
        live.arm.inject(Fault.on("GET", PATH).status(412).error("PreconditionFailed", "Unexpected.").always());
        Outcome outcome = handle();
        assertEquals(Result.FAILED, outcome.result(), outcome.reason());
        assertTrue(outcome.reason().startsWith("read refused: PreconditionFailed: "), outcome.reason());
        assertTrue(outcome.followUp().isEmpty());
        assertEquals(0, live.patches().size());
    }

    @Test
    void aReadTheServerTimedOutOnIsDeferred() {
        live.arm.inject(Fault.on("GET", PATH).status(408).error("RequestTimeout", "The request timed out.").always());
        Outcome outcome = handle();
        assertEquals(Result.DEFERRED, outcome.result(), outcome.reason());
        assertTrue(outcome.reason().startsWith("read answered 408 (RequestTimeout: "), outcome.reason());
        assertTrue(outcome.followUp().isPresent());
    }
}
