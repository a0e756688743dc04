package com.baselineguard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonPrimitive;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Waits, follow-up work and the outcome record. */
class FollowUpsTest {

    private final FollowUps followUps = new FollowUps(Clock.fixed(Steps.NOW, ZoneOffset.UTC),
            new RemediationSettings(Duration.ofSeconds(30), 3));

    private static ResourceSnapshot inState(String path, String state) {
        return Fixtures.with(Steps.cacheSnapshot(), path, new JsonPrimitive(state));
    }

    private static Invocation invocation(int attempt) {
        WorkItem item = new WorkItem(Steps.CACHE, Trigger.EVENT, Optional.empty(), "c", false, attempt, Steps.NOW);
        Invocation invocation = new Invocation(item, Steps.NOW.minusMillis(1500), new ScriptedArm());
        invocation.admitted(ResourceType.REDIS);
        return invocation;
    }

    @Test
    void aResourceWhoseStateIsMovingIsWaitedFor() {
        Verdict updating = followUps.untilSettled(inState("properties.provisioningState", "Updating")).orElseThrow();
        assertEquals(Result.DEFERRED, updating.result());
        assertEquals(Verdict.FollowUp.LATER, updating.followUp());
        assertEquals("provisioningState is Updating; waiting for it to settle", updating.reason());
        Verdict scaling = followUps.untilSettled(inState("properties.resourceState", "Scaling")).orElseThrow();
        assertEquals("resourceState is Scaling; waiting for it to settle", scaling.reason());
        for (String settled : new String[] {"Succeeded", "Failed", "Canceled", "Disabled"}) {
            assertEquals(Optional.empty(), followUps.untilSettled(inState("properties.provisioningState", settled)));
        }
        assertEquals(Optional.empty(), followUps.untilSettled(inState("properties.resourceState", "Disabled")),
                "settled, if not healthy: Admission keeps it from being written to");
    }

    @Test
    void aSentStepIsFollowedAfterTheDelay() {
        Outcome outcome = followUps.outcome(invocation(0), Verdict.later(Result.REMEDIATED, "sent"));
        WorkItem next = outcome.followUp().orElseThrow();
        assertEquals(1, next.attempt());
        assertEquals(Steps.NOW.plusSeconds(30), next.notBefore());
        assertEquals(Duration.ofMillis(1500), outcome.duration());
        assertEquals(Optional.of("Microsoft.Cache/redis"), outcome.resourceType());
    }

    @Test
    void aLongerRetryAfterPostponesTheFollowUpUpToTheCap() {
        Outcome minute = followUps.outcome(invocation(0), Verdict.later(Result.DEFERRED, "busy")
                .waitingAtLeast(Optional.of(Duration.ofMinutes(1))));
        assertEquals(Steps.NOW.plusSeconds(60), minute.followUp().orElseThrow().notBefore());
        Outcome hour = followUps.outcome(invocation(0), Verdict.later(Result.DEFERRED, "throttled")
                .waitingAtLeast(Optional.of(Duration.ofHours(1))));
        assertEquals(Steps.NOW.plus(FollowUps.MAX_RETRY_AFTER_DEFERRAL), hour.followUp().orElseThrow().notBefore());
        Outcome shorter = followUps.outcome(invocation(0), Verdict.later(Result.DEFERRED, "throttled")
                .waitingAtLeast(Optional.of(Duration.ofSeconds(1))));
        assertEquals(Steps.NOW.plusSeconds(30), shorter.followUp().orElseThrow().notBefore());
    }

    @Test
    void theAttemptBoundEndsTheChainAndAWaitThatRanOutFails() {
        Outcome deferred = followUps.outcome(invocation(2), Verdict.later(Result.DEFERRED, "busy"));
        assertEquals(Result.FAILED, deferred.result());
        assertEquals("busy; gave up after 3 attempts", deferred.reason());
        assertTrue(deferred.followUp().isEmpty());
        Outcome remediated = followUps.outcome(invocation(2), Verdict.later(Result.REMEDIATED, "sent"));
        assertEquals(Result.REMEDIATED, remediated.result(), "what was done stays done; only the verification is skipped");
        assertTrue(remediated.followUp().isEmpty());
    }

    @Test
    void workNotDueGoesBackAsItIsAndAnEndedChainHasNoFollowUp() {
        Invocation invocation = invocation(5);
        assertEquals(Optional.of(invocation.item()), followUps.outcome(invocation, Verdict.notYet("not due")).followUp());
        assertEquals(Optional.empty(), followUps.outcome(invocation, Verdict.ends(Result.GONE, "gone")).followUp());
    }

    @Test
    void rulesRefusedNowAreLeftOutOfTheFollowUp() {
        Outcome outcome = followUps.outcome(invocation(0), Verdict.later(Result.FAILED, "PATCH refused")
                .refusing(Set.of("REDIS-007")));
        assertEquals(Set.of("REDIS-007"), outcome.followUp().orElseThrow().refusedRules());
    }

    @Test
    void anOutcomeDecidedWithoutReadingNamesTheTypeAndTookNoCall() {
        Outcome outcome = FollowUps.recorded(Steps.item(Steps.CACHE), Result.SKIPPED, "own write");
        assertEquals(Optional.of("Microsoft.Cache/redis"), outcome.resourceType());
        assertEquals(0, outcome.armCalls());
        assertEquals(Duration.ZERO, outcome.duration());
        assertEquals(Optional.empty(), FollowUps.recorded(Steps.item("garbage"), Result.SKIPPED, "x").resourceType());
    }
}
