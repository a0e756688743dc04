package com.baselineguard.config;

import java.util.Map;

/** How the command line may write to a terminal, from the conventions terminals set in the environment. */
public final class TerminalSettings {

    private TerminalSettings() {
    }

    /**
     * Whether output may be coloured: only on a terminal, never when {@code NO_COLOR} is set (to anything;
     * no-color.org) or {@code TERM} is {@code dumb}.
     */
    public static boolean colour(Map<String, String> environment, boolean terminal) {
        return terminal && !environment.containsKey("NO_COLOR") && !"dumb".equals(environment.get("TERM"));
    }

    /**
     * Whether a progress line may be drawn (rewritten in place) on a terminal: not when {@code TERM} is
     * {@code dumb}, which cannot rewrite a line.
     */
    public static boolean progress(Map<String, String> environment, boolean terminal) {
        return terminal && !"dumb".equals(environment.get("TERM"));
    }
}
