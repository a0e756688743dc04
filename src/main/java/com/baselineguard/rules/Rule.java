package com.baselineguard.rules;

import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import java.util.Set;

/**
 * One baseline check. A rule is a pure function of a snapshot and the settings: no I/O, no clock, no
 * logging. The engine only hands it snapshots of {@link RuleMetadata#resourceType()}.
 *
 * <p>Rules extend {@code rules.support.AbstractRule}, which declares the metadata and where the rule applies;
 * a rule about one member and its expected value extends {@code PropertyRule}.
 */
public interface Rule {

    RuleMetadata metadata();

    Evaluation evaluate(ResourceSnapshot resource, RuleSettings settings);

    /**
     * The data beyond the resource body this rule reads. Whoever builds snapshots loads these kinds
     * when the rule runs (each costs an ARM read); without them the rule reports not_evaluated.
     */
    default Set<RelatedKind> relatedData() {
        return Set.of();
    }
}
