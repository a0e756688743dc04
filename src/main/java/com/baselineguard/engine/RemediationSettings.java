package com.baselineguard.engine;

import java.time.Duration;

/**
 * How live remediation paces itself.
 *
 * @param followUpDelay how long to wait before the next plan step or the verification read
 * @param maxAttempts how many invocations one chain of work may take before it ends failed
 * @param contestMaxFixes after this many fixes of one rule on one resource within {@code contestWindow},
 *     the resource is contested: no further PATCH for that rule until the window passes
 * @param contestWindow the loop and fight guard's window
 * @param writesPerSecond most writes per second to one subscription; 0 means unpaced
 */
public record RemediationSettings(Duration followUpDelay, int maxAttempts, int contestMaxFixes, Duration contestWindow,
        int writesPerSecond) {

    public static final int DEFAULT_CONTEST_MAX_FIXES = 3;
    public static final Duration DEFAULT_CONTEST_WINDOW = Duration.ofMinutes(60);
    public static final int DEFAULT_WRITES_PER_SECOND = 10;

    public static final RemediationSettings DEFAULTS = new RemediationSettings(Duration.ofSeconds(30), 10);

    public RemediationSettings(Duration followUpDelay, int maxAttempts) {
        this(followUpDelay, maxAttempts, DEFAULT_CONTEST_MAX_FIXES, DEFAULT_CONTEST_WINDOW, DEFAULT_WRITES_PER_SECOND);
    }
}
