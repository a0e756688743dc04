package com.baselineguard.rules.support;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import java.util.Optional;

/**
 * A rule that checks one member of the resource against an expected value ({@link PropertyCheck}) and, when
 * the check has a fix, sets it; the rule declares its metadata, the check and where it applies, and
 * overrides {@link #blocker} when its fix has a precondition.
 *
 * <pre>{@code
 * public final class RedisMinTls extends PropertyRule {
 *     public RedisMinTls() {
 *         super(METADATA, PropertyCheck.at("properties.minimumTlsVersion")
 *                 .expect("\"1.2\"", v -> Values.textEquals(v, "1.2"))
 *                 .whenAbsent(false, "legacy caches without the property accept TLS 1.0")
 *                 .fixTo(Values.string("1.2"), FixStage.HARDENING));
 *     }
 * }
 * }</pre>
 */
public abstract class PropertyRule extends AbstractRule {

    private final PropertyCheck property;

    protected PropertyRule(RuleMetadata metadata, PropertyCheck property) {
        this(metadata, property, Applicability.always());
    }

    protected PropertyRule(RuleMetadata metadata, PropertyCheck property, Applicability applicability) {
        super(metadata, applicability);
        this.property = property;
    }

    /** The member checked and how. */
    protected final PropertyCheck property() {
        return property;
    }

    @Override
    protected Evaluation check(ResourceSnapshot resource, RuleSettings settings) {
        return property.evaluate(resource, blocker(resource, settings));
    }

    /** Why the fix cannot be sent to this resource now (its precondition fails), or empty when it can. */
    protected Optional<String> blocker(ResourceSnapshot resource, RuleSettings settings) {
        return Optional.empty();
    }
}
