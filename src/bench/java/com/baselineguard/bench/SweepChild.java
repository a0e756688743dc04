package com.baselineguard.bench;

import com.baselineguard.app.Composition;
import com.baselineguard.engine.Outcome;
import com.baselineguard.engine.Remediator;
import com.baselineguard.engine.Sweeper;
import com.baselineguard.engine.WorkItem;
import com.google.gson.JsonObject;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * One sweep in a JVM of its own (run with {@code -Xmx256m}): the production object graph from the
 * environment (real SDK, managed identity, write pacing; the gateway timed), {@link Sweeper#sweep} over the given
 * subscriptions, then, with {@code --fix}, the first invocation of every queued item (the read and the
 * first PATCH), one after another as the CLI runs them. Prints one JSON line; the ARM calls are
 * counted by the stand-in in the parent.
 */
public final class SweepChild {

    private SweepChild() {
    }

    public static void main(String[] args) throws Exception {
        boolean fix = List.of(args).contains("--fix");
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        // What the sweep keeps alive: the heap after each collection (the sampled figure includes garbage
        // not yet collected, so it follows how large the collector lets the young generation grow).
        AtomicLong peakLive = new AtomicLong();
        Set<String> heapPools = new HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                            (CompositeData) notification.getUserData());
                    // Heap pools only: the map also holds Metaspace and the code cache.
                    long live = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                    peakLive.accumulateAndGet(live, Math::max);
                }
            }, null, null);
        }

        // The production composition, with the production gateway timed from outside.
        Map<String, String> env = System.getenv();
        TimedGateway timing = new TimedGateway(Composition.fromEnvironment(env).armGateway());
        Composition composition = Composition.withGateway(env, timing, java.time.Clock.systemUTC());
        Remediator remediator = composition.remediator();
        List<WorkItem> queued = new ArrayList<>();
        long start = System.nanoTime();
        Sweeper.Summary summary = composition.sweeper().sweep(Estate.SUBSCRIPTIONS, List.of(), false, queued::add);
        long sweepNanos = System.nanoTime() - start;
        double sweepArmMillis = timing.takeMillis();
        Map<String, Integer> results = new TreeMap<>();
        long fixStart = System.nanoTime();
        if (fix) {
            for (WorkItem item : queued) {
                Outcome outcome = remediator.handle(item);
                results.merge(outcome.result().name().toLowerCase(), 1, Integer::sum);
            }
        }
        long fixNanos = System.nanoTime() - fixStart;
        sampler.interrupt();
        Thread.sleep(200); // GC notifications arrive on another thread: let the last one land.
        long poolPeaks = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                poolPeaks += pool.getPeakUsage().getUsed();
            }
        }
        JsonObject out = new JsonObject();
        out.addProperty("pages", summary.pages());
        out.addProperty("resources", summary.resources());
        out.addProperty("queued", summary.queued());
        out.addProperty("error", summary.error().orElse(""));
        out.add("perVerdict", new com.google.gson.Gson().toJsonTree(summary.perVerdict()));
        out.addProperty("sweepMs", sweepNanos / 1e6);
        out.addProperty("sweepArmMs", sweepArmMillis);
        out.addProperty("fixMs", fixNanos / 1e6);
        out.add("fixResults", new com.google.gson.Gson().toJsonTree(results));
        out.addProperty("peakHeapSampledBytes", peak.get());
        out.addProperty("peakHeapPoolsBytes", poolPeaks);
        out.addProperty("peakLiveAfterGcBytes", peakLive.get());
        out.addProperty("maxHeapBytes", Runtime.getRuntime().maxMemory());
        System.out.println("SWEEP-RESULT " + out);
    }
}
