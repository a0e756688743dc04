package com.baselineguard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plan an invocation works from, and what is left of it when ARM refuses a step. */
class PlanningTest {

    /** The published cache with its diagnostic settings read (none) and a workspace: a PATCH, then a PUT. */
    private final ResourceSnapshot cache = Fixtures.related(Steps.cacheSnapshot(), RelatedKind.DIAGNOSTIC_SETTINGS, List.of());
    private final Evaluator evaluator = Steps.evaluator(Map.of("BG_DIAGNOSTICS_WORKSPACE_ID", Steps.WORKSPACE));

    @Test
    void withNothingRefusedTheEvaluatorsPlanIsThePlan() {
        Planning.Planned planned = new Planning(evaluator).plan(evaluator.evaluate(cache), Set.of());
        assertEquals(planned.report().plan(), planned.plan());
        assertEquals(List.of("PATCH", "PUT"), planned.plan().steps().stream().map(PlanStep::method).toList());
    }

    @Test
    void aRefusedStepIsLeftOutAndAnIndependentLaterStepKept() {
        Planning.Planned planned = new Planning(evaluator).plan(evaluator.evaluate(cache), Set.of("REDIS-006"));
        assertEquals(1, planned.plan().steps().size());
        assertTrue(planned.plan().steps().get(0).request() instanceof PlanStep.PutExtension);
        assertEquals(List.of("REDIS-011"), planned.plan().steps().get(0).ruleIds());
    }

    @Test
    void afterARefusalTheIndependentLaterStepsAreCounted() {
        ResourceReport report = evaluator.evaluate(cache);
        assertEquals(1, Planning.independentOfFirst(report, report.plan()), "the diagnostic setting does not depend on the PATCH");
        // The published 2020-06-01 cache has an approved private endpoint, so turning public access off is planned.
        ResourceReport isolation = new Evaluator(com.baselineguard.rules.Catalog.standard(),
                Steps.evaluator(Map.of("BG_RULE_MODE_REDIS_001", "enforce")).policy().onlyRules(
                        Set.of("REDIS-001", "REDIS-006", "REDIS-007")))
                .evaluate(Fixtures.snapshot("Microsoft.Cache/redis/2020-06-01_RedisCacheGet.json"));
        assertEquals(2, isolation.plan().steps().size(), isolation.plan().toString());
        assertEquals(0, Planning.independentOfFirst(isolation, isolation.plan()),
                "turning public access off comes once everything else is in place");
    }
}
