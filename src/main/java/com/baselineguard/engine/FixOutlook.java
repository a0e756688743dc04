package com.baselineguard.engine;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where a finding's fix stands: what happens to it, the plan step that carries it when planned, and
 * why in words. The words are put together only when something reads them (a report that prints
 * findings); the event and sweep paths evaluate every rule but mostly never read them.
 */
public final class FixOutlook {

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

        private final String label = name().toLowerCase(Locale.ROOT);

        public String label() {
            return label;
        }
    }

    private final State state;
    private final Optional<Integer> step;
    private Supplier<String> words;
    private String detail;

    private FixOutlook(State state, Optional<Integer> step, Supplier<String> words) {
        this.state = state;
        this.step = step;
        this.words = words;
    }

    public static FixOutlook of(State state, String detail) {
        Objects.requireNonNull(detail);
        return new FixOutlook(state, Optional.empty(), () -> detail);
    }

    /** An outlook whose detail is worked out on first read; {@code words} must be pure. */
    public static FixOutlook of(State state, Supplier<String> words) {
        return new FixOutlook(state, Optional.empty(), Objects.requireNonNull(words));
    }

    public static FixOutlook planned(int step) {
        return new FixOutlook(State.PLANNED, Optional.of(step), () -> "planned in step " + step);
    }

    public State state() {
        return state;
    }

    public Optional<Integer> step() {
        return step;
    }

    /** Why, in words. */
    public synchronized String detail() {
        if (detail == null) {
            detail = words.get();
            words = null;
        }
        return detail;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FixOutlook o && o.state == state && o.step.equals(step) && o.detail().equals(detail());
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, step, detail());
    }

    @Override
    public String toString() {
        return "FixOutlook[state=" + state + ", step=" + step + ", detail=" + detail() + "]";
    }
}
