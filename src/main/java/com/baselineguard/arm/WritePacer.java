package com.baselineguard.arm;

import com.baselineguard.engine.port.ArmUnavailableException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Spaces writes to one subscription at most {@code 1/rate} apart: a token bucket of one token per
 * subscription, refilled at {@code rate} per second. Azure Resource Manager throttles writes per
 * subscription (and region) at about 10 per second; a sweep that fixes hundreds of resources would
 * otherwise burst into 429s and retry storms. Callers block until their slot; different
 * subscriptions do not wait for each other.
 */
public final class WritePacer {

    /** The clock and the wait, replaceable in tests. */
    public interface Ticker {
        long nanoTime();

        void sleepNanos(long nanos) throws InterruptedException;
    }

    private static final Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    };

    private final long intervalNanos;
    private final Ticker ticker;
    private final Map<String, Long> nextFree = new HashMap<>();

    private WritePacer(long intervalNanos, Ticker ticker) {
        this.intervalNanos = intervalNanos;
        this.ticker = ticker;
    }

    /** At most {@code rate} writes per second per subscription; 0 means no pacing. */
    public static WritePacer perSecond(int rate) {
        return perSecond(rate, SYSTEM);
    }

    public static WritePacer perSecond(int rate, Ticker ticker) {
        if (rate < 0) {
            throw new IllegalArgumentException("writes per second must not be negative: " + rate);
        }
        return new WritePacer(rate == 0 ? 0 : 1_000_000_000L / rate, ticker);
    }

    public boolean paced() {
        return intervalNanos > 0;
    }

    /**
     * Waits for the next write slot of a subscription and takes it.
     *
     * @return how long the caller waited, in nanoseconds
     */
    public long acquire(String subscriptionId) {
        if (!paced()) {
            return 0;
        }
        long wait;
        synchronized (nextFree) {
            long now = ticker.nanoTime();
            String key = subscriptionId.toLowerCase(Locale.ROOT);
            long slot = Math.max(now, nextFree.getOrDefault(key, now));
            nextFree.put(key, slot + intervalNanos);
            wait = slot - now;
        }
        if (wait > 0) {
            try {
                ticker.sleepNanos(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ArmUnavailableException("interrupted while pacing writes to subscription " + subscriptionId, e);
            }
        }
        return wait;
    }
}
