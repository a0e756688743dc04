package com.baselineguard.rules.support;

import com.baselineguard.model.JsonPath;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Change;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.Fix;
import com.baselineguard.rules.FixStage;
import com.google.gson.JsonElement;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The declarative core of a rule that checks one property against an expected value and, when the
 * rule has a fix, sets it. Rules that differ only in path and value share this rather than copying
 * code.
 *
 * <pre>{@code
 * PropertyCheck.at("properties.enableNonSslPort")
 *     .expect("false", Values::isFalse)
 *     .whenAbsent(true, "absent means false")
 *     .fixTo(Values.bool(false), FixStage.HARDENING);
 * }</pre>
 */
public final class PropertyCheck {

    private final JsonPath path;
    private final String expected;
    private final Predicate<JsonElement> compliant;
    private final boolean absentCompliant;
    private final String absentMeaning;
    private final JsonElement fixValue;
    private final FixStage stage;

    private PropertyCheck(JsonPath path, String expected, Predicate<JsonElement> compliant, boolean absentCompliant,
            String absentMeaning, JsonElement fixValue, FixStage stage) {
        this.path = path;
        this.expected = expected;
        this.compliant = compliant;
        this.absentCompliant = absentCompliant;
        this.absentMeaning = absentMeaning;
        this.fixValue = fixValue;
        this.stage = stage;
    }

    /** Starts a check of the property at a dotted path; by default an absent property fails. */
    public static PropertyCheck at(String dottedPath) {
        return new PropertyCheck(JsonPath.of(dottedPath), "", v -> false, false, "not set", null, null);
    }

    /** The compliant condition, and how it reads in a reason ("expected ..."). */
    public PropertyCheck expect(String expectedText, Predicate<JsonElement> isCompliant) {
        return new PropertyCheck(path, expectedText, isCompliant, absentCompliant, absentMeaning, fixValue, stage);
    }

    /** Whether an absent property is compliant, and what absent means (quoted in the reason). */
    public PropertyCheck whenAbsent(boolean compliantWhenAbsent, String meaning) {
        return new PropertyCheck(path, expected, compliant, compliantWhenAbsent, meaning, fixValue, stage);
    }

    /** The value the fix sets, and its stage in the plan. */
    public PropertyCheck fixTo(JsonElement value, FixStage fixStage) {
        return new PropertyCheck(path, expected, compliant, absentCompliant, absentMeaning,
                Objects.requireNonNull(value), Objects.requireNonNull(fixStage));
    }

    public JsonPath path() {
        return path;
    }

    /** Evaluates the property; a failing result carries the fix when one is configured. */
    public Evaluation evaluate(ResourceSnapshot resource) {
        return evaluate(resource, Optional.empty());
    }

    /** As {@link #evaluate(ResourceSnapshot)}, with the fix blocked for {@code blockedBy} when present. */
    public Evaluation evaluate(ResourceSnapshot resource, Optional<String> blockedBy) {
        Optional<JsonElement> value = path.read(resource.resource());
        if (value.isEmpty()) {
            String reason = path + " is not set (" + absentMeaning + ")";
            return absentCompliant ? Evaluation.pass(reason) : failure(reason + "; expected " + expected, null, blockedBy);
        }
        String reason = path + " is " + Values.display(value.get());
        return compliant.test(value.get())
                ? Evaluation.pass(reason)
                : failure(reason + "; expected " + expected, value.get(), blockedBy);
    }

    private Evaluation failure(String reason, JsonElement before, Optional<String> blockedBy) {
        if (fixValue == null) {
            return Evaluation.fail(reason);
        }
        // The fix value is shared, not copied: fixes are never modified, and request bodies are built from copies.
        Fix fix = Fix.of(stage, new Change.Property(path, before, fixValue)).blockedBy(blockedBy);
        return Evaluation.fail(reason, fix);
    }
}
