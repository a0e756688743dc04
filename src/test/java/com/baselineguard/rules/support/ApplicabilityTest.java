package com.baselineguard.rules.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonPrimitive;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Declared applicability: the first condition that holds decides, and the rule's check never sees the resource. */
class ApplicabilityTest {

    private final ResourceSnapshot cache = Fixtures.snapshot("Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json");
    private final ResourceSnapshot injected = Fixtures.with(cache, "properties.subnetId",
            new JsonPrimitive("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/a"));

    @Test
    void unlessReportsNotApplicableWithItsReasonWhereTheConditionHolds() {
        Applicability notInjected = Applicability.unless(c -> c.string("properties.subnetId").isPresent(), "injected");
        assertEquals(Optional.empty(), notInjected.instead(cache));
        Evaluation instead = notInjected.instead(injected).orElseThrow();
        assertEquals(Status.NOT_APPLICABLE, instead.status());
        assertEquals("injected", instead.reason());
    }

    @Test
    void theFirstConditionThatHoldsDecides() {
        Applicability both = Applicability.unless(c -> true, "first").and(Applicability.unless(c -> true, "second"));
        assertEquals("first", both.instead(cache).orElseThrow().reason());
        Applicability onlySecond = Applicability.unless(c -> false, "first").and(c -> Optional.of(
                Evaluation.notEvaluated("cannot tell")));
        assertEquals(Status.NOT_EVALUATED, onlySecond.instead(cache).orElseThrow().status());
        assertEquals(Optional.empty(), Applicability.always().and(Applicability.always()).instead(cache));
    }

    @Test
    void aRuleChecksOnlyTheResourcesItAppliesTo() {
        AtomicInteger checked = new AtomicInteger();
        RuleMetadata metadata = RuleMetadata.rule("REDIS-999", "Redis.TestOnly").resourceType(ResourceType.REDIS)
                .severity(Severity.LOW).controls("1.1").synopsis("s").recommendation("r").fixClass(FixClass.NONE).build();
        AbstractRule rule = new AbstractRule(metadata, Applicability.unless(c -> c.string("properties.subnetId")
                .isPresent(), "injected")) {
            @Override
            protected Evaluation check(ResourceSnapshot resource, RuleSettings settings) {
                checked.incrementAndGet();
                return Evaluation.pass("checked");
            }
        };
        assertEquals(Status.NOT_APPLICABLE, rule.evaluate(injected, RuleSettings.defaults()).status());
        assertEquals(0, checked.get());
        assertEquals("checked", rule.evaluate(cache, RuleSettings.defaults()).reason());
        assertEquals(1, checked.get());
        assertTrue(rule.relatedData().isEmpty());
    }
}
