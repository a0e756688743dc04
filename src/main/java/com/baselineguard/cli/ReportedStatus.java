package com.baselineguard.cli;

import com.baselineguard.engine.Finding;

/**
 * A finding's status as the reports show and count it: the rule's status, except that a failing
 * informational rule (guidance, not a control) is {@code info}, never {@code fail}
 * ({@link Finding#informational}). Declared in the order the summaries list them.
 */
enum ReportedStatus {
    FAIL("fail", "fail"),
    INFO(Finding.INFO, "info"),
    PASS("pass", "pass"),
    NOT_EVALUATED("not_evaluated", "not evaluated"),
    NOT_APPLICABLE("not_applicable", "not applicable");

    private final String label;
    private final String words;

    ReportedStatus(String label, String words) {
        this.label = label;
        this.words = words;
    }

    static ReportedStatus of(Finding finding) {
        if (finding.informational()) {
            return INFO;
        }
        return switch (finding.status()) {
            case PASS -> PASS;
            case FAIL -> FAIL;
            case NOT_APPLICABLE -> NOT_APPLICABLE;
            case NOT_EVALUATED -> NOT_EVALUATED;
        };
    }

    /** The JSON form, as {@link Finding#statusLabel}: {@code fail}, {@code info}, {@code not_evaluated}... */
    String label() {
        return label;
    }

    /** The table form: {@code not evaluated}. */
    String words() {
        return words;
    }
}
