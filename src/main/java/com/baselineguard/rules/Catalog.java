package com.baselineguard.rules;

import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.batch.BatchRules;
import com.baselineguard.rules.pool.PoolRules;
import com.baselineguard.rules.redis.RedisRules;
import com.baselineguard.rules.redisenterprise.RedisEnterpriseRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every rule Baseline Guard has, listed explicitly (no classpath scanning), sorted by id. Ids and
 * names are unique; a test checks them against the list of rule ids in the test resources and the
 * documentation pages.
 */
public final class Catalog {

    private final List<Rule> rules;
    private final Map<String, Rule> byId;
    /** Per type, computed once: the evaluator asks for every resource it evaluates. */
    private final Map<ResourceType, List<Rule>> byType;

    public Catalog(List<Rule> rules) {
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparing(r -> r.metadata().id()));
        Map<String, Rule> index = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (Rule rule : sorted) {
            RuleMetadata m = rule.metadata();
            if (index.put(m.id(), rule) != null) {
                throw new IllegalArgumentException("duplicate rule id " + m.id());
            }
            if (!names.add(m.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("duplicate rule name " + m.name());
            }
        }
        this.rules = List.copyOf(sorted);
        this.byId = Collections.unmodifiableMap(index);
        Map<ResourceType, List<Rule>> types = new EnumMap<>(ResourceType.class);
        for (ResourceType type : ResourceType.values()) {
            types.put(type, this.rules.stream().filter(r -> r.metadata().resourceType() == type).toList());
        }
        this.byType = Collections.unmodifiableMap(types);
    }

    /** The built-in catalog. */
    public static Catalog standard() {
        List<Rule> all = new ArrayList<>();
        all.addAll(RedisRules.all());
        all.addAll(RedisEnterpriseRules.all());
        all.addAll(BatchRules.all());
        all.addAll(PoolRules.all());
        return new Catalog(all);
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<Rule> rulesFor(ResourceType type) {
        return byType.get(type);
    }

    /** The rule with this id, in any casing. */
    public Optional<Rule> find(String id) {
        return Optional.ofNullable(byId.get(id.trim().toUpperCase(Locale.ROOT)));
    }

    public Set<String> ids() {
        return byId.keySet();
    }
}
