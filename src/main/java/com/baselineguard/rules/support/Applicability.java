package com.baselineguard.rules.support;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Evaluation;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which resources a rule applies to, declared once beside the rule rather than re-coded at the top of
 * its check: the evaluation to report instead of checking ({@code not_applicable}, or {@code not_evaluated}
 * when the snapshot cannot tell), or empty when the rule applies.
 *
 * <pre>{@code
 * Applicability.unless(RedisFacts::vnetInjected, "properties.subnetId is set: a VNet-injected cache cannot use"
 *         + " private endpoints")
 * }</pre>
 */
@FunctionalInterface
public interface Applicability {

    /** The evaluation to report instead of the rule's check, or empty when the rule applies to the resource. */
    Optional<Evaluation> instead(ResourceSnapshot resource);

    /** Every resource of the rule's type. */
    static Applicability always() {
        return resource -> Optional.empty();
    }

    /** Not applicable where {@code condition} holds, for the reason given. */
    static Applicability unless(Predicate<ResourceSnapshot> condition, String reason) {
        return unless(condition, resource -> reason);
    }

    /** Not applicable where {@code condition} holds, for the reason worked out from the resource. */
    static Applicability unless(Predicate<ResourceSnapshot> condition, Function<ResourceSnapshot, String> reason) {
        return resource -> condition.test(resource)
                ? Optional.of(Evaluation.notApplicable(reason.apply(resource)))
                : Optional.empty();
    }

    /** This applicability, then {@code next} where this one lets the rule apply. */
    default Applicability and(Applicability next) {
        return resource -> {
            Optional<Evaluation> first = instead(resource);
            return first.isPresent() ? first : next.instead(resource);
        };
    }
}
