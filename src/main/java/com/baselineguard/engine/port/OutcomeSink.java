package com.baselineguard.engine.port;

import java.util.Optional;

/**
 * Where outcome records go besides the log: an Event Grid topic when one is configured
 * (docs/outcome-events.md). Publishing is best effort: the record is logged first and a failure to
 * publish never fails the invocation.
 */
public interface OutcomeSink {

    /** Publishes nothing. */
    OutcomeSink NONE = event -> Optional.empty();

    /**
     * Publishes one outcome record. Never throws.
     *
     * @return one warning line (no secrets) when publishing failed; empty when it succeeded
     */
    Optional<String> publish(OutcomeEvent event);

    /** The CloudEvents {@code source} of outcomes produced by this function or front end. */
    static String source(String origin) {
        return "/baseline-guard/" + origin;
    }
}
