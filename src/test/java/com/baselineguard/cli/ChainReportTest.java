package com.baselineguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.baselineguard.engine.Action;
import com.baselineguard.engine.Outcome;
import com.baselineguard.engine.Result;
import com.baselineguard.engine.Trigger;
import com.baselineguard.engine.WorkItem;
import com.google.gson.JsonPrimitive;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How the report reads a chain's outcome records, for the endings the stand-in cannot easily stage: a contested
 * resource, a later step never sent, a chain that ran out of attempts while a long-running operation ran.
 */
class ChainReportTest {

    private static final String CACHE = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1";
    private static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");
    private static final String OPERATION = "https://management.azure.com/subscriptions/00000000-0000-0000-0000-000000000000/"
            + "providers/Microsoft.Cache/locations/westus/asyncOperations/6a1f?api-version=2024-11-01";

    private static WorkItem item(int attempt) {
        return new WorkItem(CACHE, Trigger.CLI, Optional.empty(), "c", false, attempt, T0.plusSeconds(30L * attempt));
    }

    private static Action action(int step, String ruleId, String property, Action.Status status, String detail,
            Optional<String> operation) {
        return new Action(step, "PATCH", CACHE, ruleId, property, new JsonPrimitive(true), new JsonPrimitive(false), status,
                detail, operation);
    }

    private static Outcome outcome(int attempt, Result result, String reason, List<Action> actions, boolean followUp) {
        return new Outcome("o" + attempt, item(attempt), Optional.of("Microsoft.Cache/redis"), result, reason, List.of(),
                actions, Duration.ofMillis(100), 1, followUp ? Optional.of(item(attempt + 1)) : Optional.empty(),
                Optional.empty());
    }

    private static WorkRunner.Chain chain(Optional<WorkRunner.Stopped> stopped, Outcome... outcomes) {
        return new WorkRunner.Chain(List.of(outcomes), stopped, Duration.ofSeconds(1));
    }

    @Test
    void aContestedResourceDeclinesItsStepsAsContested() {
        String why = "contested: REDIS-006 fixed 3 times within 60 min and reverted again; no PATCH until the window passes";
        ChainReport report = ChainReport.of(chain(Optional.empty(), outcome(0, Result.CONTESTED, why,
                List.of(action(1, "REDIS-006", "properties.enableNonSslPort", Action.Status.SKIPPED, why, Optional.empty())),
                false)));
        assertEquals(List.of(), report.changes());
        Declined declined = report.declined().get(0);
        assertEquals(Declined.Reason.CONTESTED, declined.reason());
        assertEquals(why, declined.detail(), "said once, not twice");
        assertEquals(Optional.of("properties.enableNonSslPort"), declined.property());
        assertEquals(ExitCodes.NON_COMPLIANT, report.exitCode());
    }

    @Test
    void aLaterStepTheRunDidNotReachIsDeclinedAsNotSentWithWhyTheRunEnded() {
        Outcome first = outcome(0, Result.PARTIALLY_REMEDIATED, "step 1 of 2 sent; the next follows after a delay",
                List.of(action(1, "REDIS-006", "properties.enableNonSslPort", Action.Status.APPLIED, "HTTP 200", Optional.empty()),
                        action(2, "REDIS-001", "properties.publicNetworkAccess", Action.Status.PENDING,
                                "sent after step 1 completes", Optional.empty())), true);
        WorkRunner.Stopped stopped = new WorkRunner.Stopped(WorkRunner.Waiting.atMost(Duration.ofSeconds(10)),
                item(1), first.reason());
        ChainReport report = ChainReport.of(chain(Optional.of(stopped), first));
        assertEquals(ChangeMade.State.NOT_VERIFIED, report.changes().get(0).state());
        Declined pending = report.declined().get(0);
        assertEquals(Declined.Reason.NOT_SENT, pending.reason());
        assertEquals(Optional.of("REDIS-001"), pending.ruleId());
        assertEquals("step 2, sent after step 1 completes; the run ended first: stopped waiting: --max-wait 10 s ends"
                + " before the next invocation is due (2026-01-10T10:00:30Z); it was waiting for: step 1 of 2 sent; the"
                + " next follows after a delay", pending.detail());
        assertEquals(ExitCodes.NON_COMPLIANT, report.exitCode());
    }

    @Test
    void aChainThatRanOutOfAttemptsDuringALongRunningOperationNamesTheOperationAndTheLastRead() {
        Outcome sent = outcome(0, Result.REMEDIATED, "the plan was sent; a verification read follows",
                List.of(action(1, "REDIS-006", "properties.enableNonSslPort", Action.Status.ACCEPTED, "HTTP 202",
                        Optional.of(OPERATION))), true);
        Outcome waiting = outcome(1, Result.DEFERRED, "provisioningState is Updating; waiting for it to settle", List.of(),
                true);
        Outcome gaveUp = outcome(2, Result.FAILED,
                "provisioningState is Updating; waiting for it to settle; gave up after 3 attempts", List.of(), false);
        ChainReport report = ChainReport.of(chain(Optional.empty(), sent, waiting, gaveUp));
        ChangeMade change = report.changes().get(0);
        assertEquals(ChangeMade.State.NOT_VERIFIED, change.state());
        assertEquals("not verified yet: ARM accepted it as a long-running operation (" + OPERATION + "); the last read:"
                + " provisioningState is Updating; waiting for it to settle; gave up after 3 attempts", change.detail());
        assertEquals(Optional.of(OPERATION), report.pendingOperation());
        assertEquals(ExitCodes.NON_COMPLIANT, report.exitCode());
        assertEquals(3, report.toJson().getAsJsonObject("run").get("invocations").getAsInt());
        assertEquals(OPERATION, report.toJson().getAsJsonArray("changes").get(0).getAsJsonObject().get("operation")
                .getAsString());
    }
}
