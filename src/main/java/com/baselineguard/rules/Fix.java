package com.baselineguard.rules;

import java.util.List;
import java.util.Optional;

/**
 * What a failing rule would change to pass. {@code blockedBy} is set when a precondition does not
 * hold on the resource as it is (e.g. no approved private endpoint before public access is turned
 * off); a blocked fix is reported and never planned.
 */
public record Fix(List<Change> changes, FixStage stage, Optional<String> blockedBy) {

    public Fix {
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("a fix changes something");
        }
        changes = List.copyOf(changes);
    }

    public static Fix of(FixStage stage, Change... changes) {
        return new Fix(List.of(changes), stage, Optional.empty());
    }

    /** This fix, blocked for the reason given (or unblocked when {@code reason} is empty). */
    public Fix blockedBy(Optional<String> reason) {
        return new Fix(changes, stage, reason);
    }

    public boolean blocked() {
        return blockedBy.isPresent();
    }
}
