package com.baselineguard.rules;

/** The result of one rule on one resource. */
public enum Status {
    PASS("pass"),
    FAIL("fail"),
    /** The rule does not apply to this resource (e.g. persistence rules on a cache without persistence). */
    NOT_APPLICABLE("not_applicable"),
    /** The data the rule needs is not in the snapshot (never a silent pass). */
    NOT_EVALUATED("not_evaluated");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    /** The name used in output: {@code pass}, {@code fail}, {@code not_applicable}, {@code not_evaluated}. */
    public String label() {
        return label;
    }
}
