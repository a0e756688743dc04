package com.baselineguard.rules;

import com.baselineguard.model.ResourceSnapshot;

/**
 * One baseline check. A rule is a pure function of a snapshot and the settings: no I/O, no clock, no
 * logging. The engine only hands it snapshots of {@link RuleMetadata#resourceType()}.
 */
public interface Rule {

    RuleMetadata metadata();

    Evaluation evaluate(ResourceSnapshot resource, RuleSettings settings);
}
