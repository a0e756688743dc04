package com.baselineguard.rules;

import java.util.Locale;

/** Whether a rule's automatic fix exists and whether it can cut clients off. */
public enum FixClass {
    /** Detect only: the fix is immutable, cross-resource or needs the customer's input. */
    NONE,
    /** Hardening that does not cut off clients that follow the baseline; enforced by default. */
    SAFE,
    /** Can break clients (public access off, shared keys off, reboots); audited by default. */
    DISRUPTIVE;

    private final String label = name().toLowerCase(Locale.ROOT);

    public String label() {
        return label;
    }
}
