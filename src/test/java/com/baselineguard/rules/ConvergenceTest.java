package com.baselineguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.cli.ExportReader;
import com.baselineguard.config.SettingsLoader;
import com.baselineguard.engine.Evaluator;
import com.baselineguard.engine.Finding;
import com.baselineguard.engine.PlanStep;
import com.baselineguard.engine.PlannedChange;
import com.baselineguard.engine.Planner;
import com.baselineguard.engine.ResourceReport;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every planned fix converges, shown on the published shapes rather than asserted of the tests' text.
 *
 * <p>The shapes: every resource of the fixtures ({@code src/test/resources/fixtures}, the REST API specs'
 * examples) and of {@code samples/}, with related data attached as the command line attaches it; and each of
 * them again with every related list it lacks read as empty (what the engine reads for a resource that has no
 * diagnostic setting, no firewall rule, no private endpoint connection). The policies: every rule enforced, and
 * each rule with an automatic fix enforced alone (so a fix another fix makes unnecessary is planned too); every
 * setting a fix can need is configured.
 *
 * <p>For each shape and policy the whole plan is applied in memory ({@code Planner.applyAll}, ARM's PATCH merge
 * and the PUTs) and the result evaluated again: no rule that a step claimed to fix still fails, and planning
 * again finds nothing left to send.
 */
class ConvergenceTest {

    private static final Catalog CATALOG = Catalog.standard();

    /**
     * Rules whose fix needs data no published shape carries: a Redis cache with persistence (REDIS-012/013), a
     * Redis Enterprise cluster with a minimum TLS below 1.2 (REDISENT-001), a Batch key's Key Vault data
     * (BATCH-010). Their convergence is shown by their own tests on variants of published shapes
     * ({@code RuleHarness.assertConverges}).
     */
    private static final Set<String> NOT_ON_PUBLISHED_SHAPES = Set.of("BATCH-010", "REDIS-012", "REDIS-013",
            "REDISENT-001");

    /** Evaluators by policy name: "every rule" and each rule with a fix alone. */
    private static final Map<String, Evaluator> POLICIES = new LinkedHashMap<>();
    private static final List<ResourceSnapshot> SHAPES = new ArrayList<>();

    @BeforeAll
    static void policiesAndShapes() {
        POLICIES.put("every rule enforced", evaluator(id -> true));
        for (Rule rule : CATALOG.rules()) {
            if (rule.metadata().fixClass() != FixClass.NONE) {
                String only = rule.metadata().id();
                POLICIES.put(only + " enforced alone", evaluator(only::equals));
            }
        }
        List<ExportReader.Loaded> loaded = new ExportReader()
                .read(List.of(Path.of("src/test/resources/fixtures"), Path.of("samples"))).resources();
        for (ExportReader.Loaded resource : loaded) {
            SHAPES.add(resource.snapshot());
            ResourceSnapshot nothingListed = resource.snapshot();
            for (RelatedKind kind : RelatedKind.values()) {
                if (nothingListed.related(kind).isEmpty()) {
                    nothingListed = nothingListed.withRelated(kind, List.of());
                }
            }
            SHAPES.add(nothingListed);
        }
    }

    private static Evaluator evaluator(java.util.function.Predicate<String> enforced) {
        Map<String, String> environment = new HashMap<>();
        for (Rule rule : CATALOG.rules()) {
            String id = rule.metadata().id();
            environment.put("BG_RULE_MODE_" + id.replace('-', '_'), enforced.test(id) ? "enforce" : "audit");
        }
        environment.put("BG_DIAGNOSTICS_WORKSPACE_ID", "/subscriptions/00000000-0000-0000-0000-000000000000"
                + "/resourceGroups/rg1/providers/Microsoft.OperationalInsights/workspaces/workspace1");
        environment.put("BG_BATCH_ACCOUNT_ALLOWED_IPS", "203.0.113.0/24");
        environment.put("BG_BATCH_NODE_MANAGEMENT_ALLOWED_IPS", "198.51.100.7");
        return new Evaluator(CATALOG, SettingsLoader.load(environment, CATALOG));
    }

    @TestFactory
    Stream<DynamicTest> everyPlanMakesTheRulesItFixesPassAndLeavesNothingToPlan() {
        assertTrue(SHAPES.size() > 100, "the fixtures and samples give " + SHAPES.size() + " shapes");
        return POLICIES.entrySet().stream().map(policy -> DynamicTest.dynamicTest(policy.getKey(), () -> {
            for (ResourceSnapshot before : SHAPES) {
                ResourceReport planned = policy.getValue().evaluate(before);
                ResourceReport after = policy.getValue().evaluate(Planner.applyAll(before, planned.plan()));
                Map<String, Finding> afterById = after.findings().stream()
                        .collect(Collectors.toMap(f -> f.rule().id(), f -> f));
                for (String ruleId : fixedRules(planned)) {
                    Finding finding = afterById.get(ruleId);
                    assertNotEquals(Status.FAIL, finding.status(), () -> ruleId + " on " + before.id()
                            + " still fails after its plan: " + finding.evaluation().reason());
                }
                assertEquals(List.of(), after.plan().steps(), () -> before.id() + ": after " + planned.plan().steps()
                        .size() + " step(s), planning again still finds work");
            }
        }));
    }

    /** The check above is not vacuous: every rule with an automatic fix is planned on some published shape. */
    @Test
    void everyRuleWithAnAutomaticFixIsPlannedOnAPublishedShape() {
        Set<String> planned = new TreeSet<>();
        for (Evaluator evaluator : POLICIES.values()) {
            for (ResourceSnapshot shape : SHAPES) {
                planned.addAll(fixedRules(evaluator.evaluate(shape)));
            }
        }
        Set<String> notPlanned = CATALOG.rules().stream().filter(r -> r.metadata().fixClass() != FixClass.NONE)
                .map(r -> r.metadata().id()).filter(id -> !planned.contains(id))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(NOT_ON_PUBLISHED_SHAPES), notPlanned,
                "rules with a fix that no fixture or sample exercises (or that now one does)");
    }

    private static Set<String> fixedRules(ResourceReport report) {
        Set<String> ids = new TreeSet<>();
        for (PlanStep step : report.plan().steps()) {
            step.changes().stream().map(PlannedChange::ruleId).forEach(ids::add);
        }
        return ids;
    }
}
