package com.baselineguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.app.Composition;
import com.baselineguard.engine.Outcome;
import com.baselineguard.engine.Remediator;
import com.baselineguard.engine.Result;
import com.baselineguard.engine.Trigger;
import com.baselineguard.testing.Fixtures;
import com.baselineguard.testing.LiveHarness;
import com.baselineguard.testing.arm.Fault;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The command line's waits, on a clock the test moves: the real pipeline and SDK against the ARM stand-in,
 * BG_FOLLOW_UP_DELAY_SECONDS at its default of 30 s, and a sleeper that moves the clock instead of sleeping, so
 * minutes of waiting take no time. No wait ends after --max-wait; what is due later is reported, not waited for.
 */
class WorkRunnerTest {

    private static final String CACHE = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1";

    /** A clock that only moves when told. */
    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovingClock clock = new MovingClock(Instant.now());
    private final Instant start = clock.instant();
    /** The clock's time at the end of each sleep. */
    private final List<Instant> wokeAt = new ArrayList<>();
    private LiveHarness live;
    private Remediator remediator;
    private Composition app;

    @BeforeEach
    void start() {
        live = LiveHarness.start().without("BG_FOLLOW_UP_DELAY_SECONDS");
        live.store(Fixtures.json("Microsoft.Cache/redis/2024-11-01_RedisCacheUpdate.json").getAsJsonObject());
        app = Composition.withGateway(live.environment(), live.composition().armGateway(), clock);
        remediator = app.remediator();
    }

    @AfterEach
    void stop() {
        live.close();
    }

    private WorkRunner.Chain run(WorkRunner.Waiting waiting) {
        LiveProgress progress = new LiveProgress(app, new Console(new PrintWriter(new StringWriter()), false,
                Console.Verbosity.QUIET), "remediate");
        WorkRunner runner = new WorkRunner(remediator, clock, waiting, progress, duration -> {
            clock.advance(duration);
            wokeAt.add(clock.instant());
        });
        return runner.run(remediator.start(CACHE, Trigger.CLI, Optional.empty(), Optional.empty(), false));
    }

    private Duration slept() {
        return wokeAt.isEmpty() ? Duration.ZERO : Duration.between(start, wokeAt.get(wokeAt.size() - 1));
    }

    @Test
    void aResourceThatSettlesWithinMaxWaitIsReadOnceSettledAndTheChangeVerified() {
        live.arm.settleAfterGets(CACHE, 2);
        WorkRunner.Chain chain = run(WorkRunner.Waiting.atMost(Duration.ofSeconds(900)));
        assertEquals(List.of(Result.REMEDIATED, Result.DEFERRED, Result.DEFERRED, Result.AUDITED),
                chain.outcomes().stream().map(Outcome::result).toList(), "sent, updating twice, then read settled");
        assertEquals(Duration.ofSeconds(90), slept(), "three follow-up delays of 30 s");
        assertTrue(chain.stopped().isEmpty());
        ChainReport report = ChainReport.of(chain);
        assertEquals(List.of(ChangeMade.State.FIXED, ChangeMade.State.FIXED),
                report.changes().stream().map(ChangeMade::state).toList());
        assertEquals(Optional.of(chain.last().outcomeId()), report.changes().get(0).verifiedBy());
        assertEquals(ExitCodes.OK, report.exitCode());
    }

    @Test
    void aResourceThatStaysUpdatingIsFollowedUntilMaxWaitAndNoWaitEndsAfterIt() {
        live.arm.settleAfterGets(CACHE, 1_000);
        WorkRunner.Chain chain = run(WorkRunner.Waiting.atMost(Duration.ofSeconds(120)));
        assertEquals(5, chain.outcomes().size(), "the change at 0 s, reads at 30, 60, 90 and 120 s");
        assertTrue(wokeAt.stream().noneMatch(t -> t.isAfter(start.plusSeconds(120))), wokeAt.toString());
        assertEquals(Duration.ofSeconds(120), slept());
        WorkRunner.Stopped stopped = chain.stopped().orElseThrow();
        assertEquals(start.plusSeconds(150), stopped.next().notBefore(), "the next read was due after --max-wait");
        assertEquals("provisioningState is Updating; waiting for it to settle", stopped.waitingFor());
        ChainReport report = ChainReport.of(chain);
        ChangeMade change = report.changes().get(0);
        assertEquals(ChangeMade.State.NOT_VERIFIED, change.state());
        assertEquals("not verified yet: the last read: provisioningState is Updating; waiting for it to settle; the"
                + " command stopped waiting (--max-wait 120 s)", change.detail());
        assertEquals(ExitCodes.NON_COMPLIANT, report.exitCode());
    }

    @Test
    void aFollowUpDueAfterMaxWaitIsNotWaitedForAtAllAndSaidSo() {
        // The case: BG_FOLLOW_UP_DELAY_SECONDS (30) is longer than --max-wait, so the verification read
        // cannot come; the run used to print the pre-change findings and exit 0 as if it had.
        WorkRunner.Chain chain = run(WorkRunner.Waiting.atMost(Duration.ofSeconds(20)));
        assertEquals(1, chain.outcomes().size());
        assertTrue(wokeAt.isEmpty(), "no wait at all");
        assertEquals("the plan was sent; a verification read follows", chain.stopped().orElseThrow().waitingFor());
        ChainReport report = ChainReport.of(chain);
        assertEquals("not verified yet: the command stopped waiting (--max-wait 20 s) before the read after it",
                report.changes().get(0).detail());
        assertEquals(ExitCodes.NON_COMPLIANT, report.exitCode(), "a change not verified is not done");
        String text = OutcomeText.render(report);
        assertTrue(text.contains("\n  not_verified  REDIS-006 Redis.NonTlsPort: not verified yet: "), text);
        assertTrue(!text.contains("fail  REDIS-006"), "never shown failing right after it was fixed: " + text);
    }

    @Test
    void aRetryAfterBeyondMaxWaitStopsTheChainAtOnce() {
        live.arm.inject(Fault.on("PATCH", ".*/Redis/cache1").throttled(600).always());
        WorkRunner.Chain chain = run(WorkRunner.Waiting.atMost(Duration.ofSeconds(120)));
        assertEquals(1, chain.outcomes().size());
        assertTrue(wokeAt.isEmpty(), "nothing waited for");
        assertEquals(start.plusSeconds(600), chain.stopped().orElseThrow().next().notBefore(),
                "due when the server asked, which is after --max-wait");
    }

    @Test
    void noWaitEndsAfterTheFirstInvocationAndCountsASentPlanAsDone() {
        WorkRunner.Chain chain = run(WorkRunner.Waiting.none());
        assertEquals(1, chain.outcomes().size());
        assertTrue(wokeAt.isEmpty());
        assertEquals(Result.REMEDIATED, chain.last().result());
        assertEquals(ExitCodes.OK, WorkRunner.exitCode(chain));
        assertEquals("not waited for (--no-wait); next: the plan was sent; a verification read follows",
                chain.stopped().orElseThrow().describe());
    }
}
