package com.baselineguard.engine;

import com.baselineguard.rules.FixClass;
import java.util.Locale;
import java.util.Optional;

/** What Baseline Guard does about one rule. */
public enum Mode {
    /** The rule is not run. */
    OFF,
    /** The rule is evaluated and reported; nothing is changed. */
    AUDIT,
    /** The rule is evaluated and its fix applied when its precondition holds. */
    ENFORCE;

    private final String label = name().toLowerCase(Locale.ROOT);

    /** {@code off}, {@code audit} or {@code enforce}. */
    public String label() {
        return label;
    }

    /** The safe default: safe fixes are enforced, disruptive fixes and detect-only rules audited. */
    public static Mode defaultFor(FixClass fixClass) {
        return fixClass == FixClass.SAFE ? ENFORCE : AUDIT;
    }

    /** Parses {@code off}, {@code audit} or {@code enforce} in any casing. */
    public static Optional<Mode> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Mode mode : values()) {
            if (mode.name().equalsIgnoreCase(text.trim())) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    /** The stricter (lower) of this mode and a ceiling. */
    public Mode cappedAt(Mode ceiling) {
        return compareTo(ceiling) <= 0 ? this : ceiling;
    }
}
