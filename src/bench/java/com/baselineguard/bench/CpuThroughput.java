package com.baselineguard.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Operations per second of CPU time of the measuring thread: what one core does, whatever else the
 * machine runs (the build machines are shared, so wall-clock throughput swings with their load).
 * JMH gives the wall-clock figure; this one is the budget's "per core".
 */
final class CpuThroughput {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuThroughput() {
    }

    /** A batch of {@code operations} operations. */
    interface Batch {
        Object run();
    }

    /**
     * Runs the batch until {@code warmupCpuSeconds} of CPU time have passed, then measures
     * {@code rounds} rounds of about one CPU second each.
     *
     * @return operations per CPU second, one figure per round
     */
    static List<Double> measure(Batch batch, int operations, double warmupCpuSeconds, int rounds) {
        Object sink = null;
        long warmupEnd = cpu() + (long) (warmupCpuSeconds * 1e9);
        while (cpu() < warmupEnd) {
            sink = batch.run();
        }
        List<Double> figures = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            long start = cpu();
            long ops = 0;
            while (cpu() - start < 1_000_000_000L) {
                sink = batch.run();
                ops += operations;
            }
            figures.add(ops / ((cpu() - start) / 1e9));
        }
        if (sink == null) {
            throw new IllegalStateException("the batch returned nothing");
        }
        return figures;
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }
}
