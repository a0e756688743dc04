package com.baselineguard.rules.support;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.Rule;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;

/**
 * The skeleton of a rule: its metadata and its {@link Applicability} are declared in the constructor,
 * and {@link #check} runs only on resources the rule applies to.
 */
public abstract class AbstractRule implements Rule {

    private final RuleMetadata metadata;
    private final Applicability applicability;

    /** A rule that applies to every resource of its type. */
    protected AbstractRule(RuleMetadata metadata) {
        this(metadata, Applicability.always());
    }

    protected AbstractRule(RuleMetadata metadata, Applicability applicability) {
        this.metadata = metadata;
        this.applicability = applicability;
    }

    @Override
    public final RuleMetadata metadata() {
        return metadata;
    }

    @Override
    public final Evaluation evaluate(ResourceSnapshot resource, RuleSettings settings) {
        return applicability.instead(resource).orElseGet(() -> check(resource, settings));
    }

    /** The evaluation of a resource the rule applies to. */
    protected abstract Evaluation check(ResourceSnapshot resource, RuleSettings settings);
}
