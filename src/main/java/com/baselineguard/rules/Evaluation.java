package com.baselineguard.rules;

import java.util.Objects;
import java.util.Optional;

/** What one rule found on one resource: a status, the reason in words, and a fix when it fails. */
public record Evaluation(Status status, String reason, Optional<Fix> fix) {

    public Evaluation {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        if (fix.isPresent() && status != Status.FAIL) {
            throw new IllegalArgumentException("only a failing rule proposes a fix");
        }
    }

    public static Evaluation pass(String reason) {
        return new Evaluation(Status.PASS, reason, Optional.empty());
    }

    public static Evaluation fail(String reason) {
        return new Evaluation(Status.FAIL, reason, Optional.empty());
    }

    public static Evaluation fail(String reason, Fix fix) {
        return new Evaluation(Status.FAIL, reason, Optional.of(fix));
    }

    public static Evaluation notApplicable(String reason) {
        return new Evaluation(Status.NOT_APPLICABLE, reason, Optional.empty());
    }

    public static Evaluation notEvaluated(String reason) {
        return new Evaluation(Status.NOT_EVALUATED, reason, Optional.empty());
    }
}
