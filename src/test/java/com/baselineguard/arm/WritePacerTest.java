package com.baselineguard.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The write pacer on a simulated clock: no real waiting, no timing in assertions. */
class WritePacerTest {

    private static final String SUB_A = "00000000-0000-0000-0000-00000000000a";
    private static final String SUB_B = "00000000-0000-0000-0000-00000000000b";

    /** A clock that only moves when the pacer sleeps (or the test advances it). */
    private static final class FakeTicker implements WritePacer.Ticker {
        long now = 1_000_000_000L;
        final List<Long> sleeps = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            sleeps.add(nanos);
            now += nanos;
        }
    }

    @Test
    void writesToOneSubscriptionAreSpacedOneIntervalApart() {
        FakeTicker ticker = new FakeTicker();
        WritePacer pacer = WritePacer.perSecond(10, ticker);
        long start = ticker.now;
        List<Long> sentAt = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            pacer.acquire(SUB_A);
            sentAt.add(ticker.now - start);
        }
        for (int i = 0; i < sentAt.size(); i++) {
            assertEquals(i * 100_000_000L, sentAt.get(i), "write " + i);
        }
    }

    @Test
    void noSecondHoldsMoreThanTheRate() {
        FakeTicker ticker = new FakeTicker();
        WritePacer pacer = WritePacer.perSecond(10, ticker);
        List<Long> sentAt = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            pacer.acquire(SUB_A);
            sentAt.add(ticker.now);
            ticker.now += 7_000_000L; // the write itself takes 7 ms
        }
        for (long t : sentAt) {
            long inWindow = sentAt.stream().filter(s -> s >= t && s < t + 1_000_000_000L).count();
            assertEquals(true, inWindow <= 10, "writes in the second from " + t + ": " + inWindow);
        }
    }

    @Test
    void aWriteAfterAQuietSpellGoesAtOnce() {
        FakeTicker ticker = new FakeTicker();
        WritePacer pacer = WritePacer.perSecond(10, ticker);
        pacer.acquire(SUB_A);
        ticker.now += 5_000_000_000L;
        assertEquals(0, pacer.acquire(SUB_A));
        assertEquals(List.of(), ticker.sleeps);
    }

    @Test
    void subscriptionsArePacedIndependentlyAndWithoutCase() {
        FakeTicker ticker = new FakeTicker();
        WritePacer pacer = WritePacer.perSecond(10, ticker);
        assertEquals(0, pacer.acquire(SUB_A));
        assertEquals(0, pacer.acquire(SUB_B));
        assertEquals(100_000_000L, pacer.acquire(SUB_A.toUpperCase()));
    }

    @Test
    void zeroTurnsPacingOff() {
        FakeTicker ticker = new FakeTicker();
        WritePacer pacer = WritePacer.perSecond(0, ticker);
        for (int i = 0; i < 50; i++) {
            assertEquals(0, pacer.acquire(SUB_A));
        }
        assertEquals(List.of(), ticker.sleeps);
        assertThrows(IllegalArgumentException.class, () -> WritePacer.perSecond(-1, ticker));
    }
}
