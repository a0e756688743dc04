package com.baselineguard.engine;

import java.util.Locale;

/** How an invocation ended for its resource. */
public enum Result {
    /** Nothing fails (above informational severity). */
    COMPLIANT,
    /** The last step of the plan was sent; a verification re-read follows. */
    REMEDIATED,
    /** A step was sent and more remain; the next follows after a delay. */
    PARTIALLY_REMEDIATED,
    /** Findings fail, and nothing was changed: audit mode, dry run, or every fix blocked. */
    AUDITED,
    /** The resource is busy or ARM did not answer; the work is retried later, not lost. */
    DEFERRED,
    /** Not Baseline Guard's to act on: unsupported type, outside the scopes, exempt, not a write event. */
    SKIPPED,
    /** The resource no longer exists. */
    GONE,
    /** Something Baseline Guard cannot fix by retrying: permission missing, request refused, attempts exhausted. */
    FAILED,
    /** Something keeps reverting the fixes; no PATCH is sent until the window passes. */
    CONTESTED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
