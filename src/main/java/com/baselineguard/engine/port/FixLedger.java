package com.baselineguard.engine.port;

import java.time.Instant;
import java.util.List;

/**
 * The history of the fixes Baseline Guard sent, across invocations and instances: what the loop and
 * fight guard counts. After {@code BG_CONTEST_MAX_FIXES} fixes of one rule on one resource within
 * {@code BG_CONTEST_WINDOW_MINUTES}, something keeps reverting the fix and the outcome is
 * contested. Resource ids compare without case, as ARM's do. Implementations: {@code storage.TableFixLedger}
 * (durable, shared by the instances of the Functions app) and {@code storage.InMemoryFixLedger}.
 */
public interface FixLedger {

    /**
     * Records that a request fixing these rules on this resource was accepted by ARM (2xx).
     *
     * @throws RuntimeException when the ledger cannot be written (the caller reports it)
     */
    void record(String resourceId, List<String> ruleIds, Instant at);

    /**
     * How many fixes of this rule on this resource were recorded at or after {@code since}.
     *
     * @throws RuntimeException when the ledger cannot be read (the caller defers the work)
     */
    int fixesSince(String resourceId, String ruleId, Instant since);
}
