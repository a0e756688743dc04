package com.baselineguard.storage;

import com.baselineguard.engine.port.FixLedger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link FixLedger} in the memory of one process: for the command line (one process does the
 * whole chain of work) and tests. The Functions app uses a durable one shared by its instances.
 * Entries older than {@code retention} are dropped as new ones arrive.
 */
public final class InMemoryFixLedger implements FixLedger {

    private final Map<String, List<Instant>> fixes = new HashMap<>();
    private final java.time.Duration retention;

    public InMemoryFixLedger(java.time.Duration retention) {
        this.retention = retention;
    }

    /** Keeps a day of history, longer than any window the settings allow. */
    public InMemoryFixLedger() {
        this(java.time.Duration.ofDays(1));
    }

    private static String key(String resourceId, String ruleId) {
        return resourceId.toLowerCase(Locale.ROOT) + "|" + ruleId;
    }

    @Override
    public synchronized void record(String resourceId, List<String> ruleIds, Instant at) {
        for (String ruleId : ruleIds) {
            List<Instant> times = fixes.computeIfAbsent(key(resourceId, ruleId), k -> new ArrayList<>());
            times.removeIf(t -> t.isBefore(at.minus(retention)));
            times.add(at);
        }
    }

    @Override
    public synchronized int fixesSince(String resourceId, String ruleId, Instant since) {
        return (int) fixes.getOrDefault(key(resourceId, ruleId), List.of()).stream().filter(t -> !t.isBefore(since)).count();
    }
}
