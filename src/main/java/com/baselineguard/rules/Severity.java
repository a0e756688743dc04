package com.baselineguard.rules;

import java.util.Locale;

/** How much a failing rule matters. */
public enum Severity {
    HIGH, MEDIUM, LOW, INFORMATIONAL;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** The lower-case name used in docs and output, e.g. {@code high}. */
    public String label() {
        return label;
    }
}
