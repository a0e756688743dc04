package com.baselineguard.engine;

import com.baselineguard.rules.RuleSettings;
import java.util.Map;
import java.util.Set;

/**
 * How the engine applies the catalog: the resolved mode of every rule, the exemption tag, the scope
 * allow-list, the settings rules read, and an optional restriction to some rule ids (the CLI's
 * {@code --rules}).
 */
public record Policy(Map<String, Mode> modes, String exemptionTag, Scopes scopes, RuleSettings ruleSettings,
        Set<String> onlyRules) {

    public Policy {
        modes = Map.copyOf(modes);
        onlyRules = Set.copyOf(onlyRules);
    }

    public Mode modeOf(String ruleId) {
        return modes.getOrDefault(ruleId, Mode.OFF);
    }

    /** Whether a rule runs: selected (no --rules restriction, or named in it) and not off. */
    public boolean runs(String ruleId) {
        return (onlyRules.isEmpty() || onlyRules.contains(ruleId)) && modeOf(ruleId) != Mode.OFF;
    }

    /** This policy restricted to some rule ids (empty: all). */
    public Policy onlyRules(Set<String> ids) {
        return new Policy(modes, exemptionTag, scopes, ruleSettings, ids);
    }
}
