package com.baselineguard.engine;

import java.util.Locale;

/** What started an invocation. */
public enum Trigger {
    EVENT, HTTP, SWEEP, DEFERRED,
    /** The command line (remediate, sweep, handle-event run their deferred work inline). */
    CLI;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
