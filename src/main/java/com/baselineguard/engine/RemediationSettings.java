package com.baselineguard.engine;

import java.time.Duration;

/**
 * How live remediation paces itself.
 *
 * @param followUpDelay how long to wait before the next plan step or the verification read
 * @param maxAttempts how many invocations one chain of work may take before it ends failed
 * @param writesPerSecond most writes per second to one subscription; 0 means unpaced
 */
public record RemediationSettings(Duration followUpDelay, int maxAttempts, int writesPerSecond) {

    public static final RemediationSettings DEFAULTS = new RemediationSettings(Duration.ofSeconds(30), 10, 10);
}
