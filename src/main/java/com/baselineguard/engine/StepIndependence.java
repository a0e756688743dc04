package com.baselineguard.engine;

import com.baselineguard.rules.FixStage;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When ARM refuses a plan step (400), which later steps are still safe to send. A later step is
 * independent of a refused one, and is sent in a later invocation, only when both hold:
 * <ol>
 *   <li>no property it changes is, contains or lies within a property the refused step changes
 *       (so it cannot depend on, or undo, the refused value), and</li>
 *   <li>its stage does not build on the refused step's stage: {@link FixStage#USES_IDENTITY} needs
 *       {@link FixStage#IDENTITY}; {@link FixStage#LOCAL_AUTHENTICATION} needs
 *       {@link FixStage#ENTRA_AUTHENTICATION} (turning keys off without Entra authentication locks
 *       clients out); {@link FixStage#NETWORK_ISOLATION} comes "once everything else is in place",
 *       so it needs every earlier stage.</li>
 * </ol>
 * Anything else (unknown stage, a step whose rules cannot be told) counts as dependent: when in
 * doubt, Baseline Guard stops rather than writes.
 */
final class StepIndependence {

    private static final Map<FixStage, Set<FixStage>> NEEDS = Map.of(
            FixStage.USES_IDENTITY, EnumSet.of(FixStage.IDENTITY),
            FixStage.LOCAL_AUTHENTICATION, EnumSet.of(FixStage.ENTRA_AUTHENTICATION),
            FixStage.NETWORK_ISOLATION, EnumSet.complementOf(EnumSet.of(FixStage.NETWORK_ISOLATION, FixStage.EXTENSION)));

    private StepIndependence() {
    }

    /**
     * @param step a later step
     * @param stage the stage of {@code step}, when known
     * @param refused the refused steps with their stages
     */
    static boolean independent(PlanStep step, FixStage stage, Map<PlanStep, FixStage> refused) {
        if (stage == null) {
            return false;
        }
        for (Map.Entry<PlanStep, FixStage> entry : refused.entrySet()) {
            if (entry.getValue() == null || NEEDS.getOrDefault(stage, Set.of()).contains(entry.getValue())) {
                return false;
            }
            if (overlaps(properties(step), properties(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** What a step changes, qualified by its request kind: a PATCHed property never overlaps an extension resource. */
    private static List<String> properties(PlanStep step) {
        String kind = step.request().getClass().getSimpleName();
        return step.changes().stream().map(c -> kind + " " + c.property()).toList();
    }

    private static boolean overlaps(Collection<String> a, Collection<String> b) {
        for (String x : a) {
            for (String y : b) {
                if (x.equalsIgnoreCase(y) || within(x, y) || within(y, x)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean within(String inner, String outer) {
        return inner.length() > outer.length() && inner.regionMatches(true, 0, outer, 0, outer.length())
                && (inner.charAt(outer.length()) == '.' || inner.charAt(outer.length()) == '/'
                        || inner.charAt(outer.length()) == '[');
    }
}
