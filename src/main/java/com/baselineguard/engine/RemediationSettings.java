package com.baselineguard.engine;

import java.time.Duration;

/**
 * How live remediation paces itself.
 *
 * @param followUpDelay how long to wait before the next plan step or the verification read
 * @param maxAttempts how many invocations one chain of work may take before it ends failed
 */
public record RemediationSettings(Duration followUpDelay, int maxAttempts) {

    public static final RemediationSettings DEFAULTS = new RemediationSettings(Duration.ofSeconds(30), 10);
}
