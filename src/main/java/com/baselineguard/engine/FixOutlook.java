package com.baselineguard.engine;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a finding's fix stands.
 *
 * @param state what happens to the fix
 * @param step the plan step that carries it, when planned
 * @param detail why, in words
 */
public record FixOutlook(State state, Optional<Integer> step, String detail) {

    public enum State {
        /** The rule did not fail. */
        NOT_NEEDED,
        /** The rule has no automatic fix. */
        NONE,
        /** The fix is in the plan. */
        PLANNED,
        /** The rule is in audit mode: the fix is reported, not applied. */
        AUDIT_ONLY,
        /** A precondition does not hold. */
        BLOCKED,
        /** Enforced and unblocked, but the planner could not place it (see detail). */
        NOT_PLANNED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static FixOutlook of(State state, String detail) {
        return new FixOutlook(state, Optional.empty(), detail);
    }

    public static FixOutlook planned(int step) {
        return new FixOutlook(State.PLANNED, Optional.of(step), "planned in step " + step);
    }
}
