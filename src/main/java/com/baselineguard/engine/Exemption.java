package com.baselineguard.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An exemption read from a resource's exemption tag. The tag's value is either empty, {@code *},
 * {@code all} or {@code true} (every rule), or rule ids separated by commas, semicolons or spaces
 * ({@code REDIS-001, REDIS-009}).
 *
 * @param tag the tag key as it appears on the resource
 * @param all every rule is exempt
 * @param ruleIds the exempt rule ids (upper case)
 * @param unknownIds ids in the tag that name no rule, kept so the report can say so
 */
public record Exemption(String tag, boolean all, Set<String> ruleIds, List<String> unknownIds) {

    public Exemption {
        ruleIds = Set.copyOf(ruleIds);
        unknownIds = List.copyOf(unknownIds);
    }

    public static Exemption parse(String tag, String value, Set<String> knownIds) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty() || text.equals("*") || text.equalsIgnoreCase("all") || text.equalsIgnoreCase("true")) {
            return new Exemption(tag, true, Set.of(), List.of());
        }
        Set<String> ids = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String part : text.split("[,;\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            String id = part.toUpperCase(Locale.ROOT);
            if (knownIds.contains(id)) {
                ids.add(id);
            } else {
                unknown.add(part);
            }
        }
        return new Exemption(tag, false, ids, unknown);
    }

    public boolean covers(String ruleId) {
        return all || ruleIds.contains(ruleId);
    }
}
