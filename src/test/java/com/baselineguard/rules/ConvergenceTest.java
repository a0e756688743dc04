package com.baselineguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.config.SettingsLoader;
import com.baselineguard.engine.Evaluator;
import com.baselineguard.engine.Finding;
import com.baselineguard.engine.PlanStep;
import com.baselineguard.engine.PlannedChange;
import com.baselineguard.engine.Planner;
import com.baselineguard.engine.ResourceReport;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.model.SnapshotEnvelope;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
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
 * examples) and of {@code samples/} (bare, in lists, Resource Graph output, or snapshot envelopes with their
 * related data), with the related items the files hold for them (diagnostic settings, firewall rules, private
 * endpoint connections, certificates, attached by id as the command line attaches them); and each of them again
 * with every related list it lacks read as empty (what the engine reads for a resource that has no diagnostic
 * setting, no firewall rule, no private endpoint connection). The policies: every rule enforced, and each rule
 * with an automatic fix enforced alone (so a fix another fix makes unnecessary is planned too); every setting a
 * fix can need is configured.
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
        for (ResourceSnapshot resource : published(Path.of("src/test/resources/fixtures"), Path.of("samples"))) {
            SHAPES.add(resource);
            ResourceSnapshot nothingListed = resource;
            for (RelatedKind kind : RelatedKind.values()) {
                if (nothingListed.related(kind).isEmpty()) {
                    nothingListed = nothingListed.withRelated(kind, List.of());
                }
            }
            SHAPES.add(nothingListed);
        }
    }

    private static Evaluator evaluator(Predicate<String> enforced) {
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

    /** The id segment that makes an item related data of the resource before it. */
    private static final Map<String, RelatedKind> RELATED_SEGMENTS = Map.of(
            "/providers/microsoft.insights/diagnosticsettings/", RelatedKind.DIAGNOSTIC_SETTINGS,
            "/firewallrules/", RelatedKind.FIREWALL_RULES,
            "/privateendpointconnections/", RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS,
            "/certificates/", RelatedKind.CERTIFICATES);

    /**
     * The resources of an evaluated type in the JSON files below the folders, as the files give them, with the
     * related items the files hold for them where a resource does not carry that kind itself.
     */
    private static List<ResourceSnapshot> published(Path... folders) {
        List<ResourceSnapshot> resources = new ArrayList<>();
        Map<String, Map<RelatedKind, List<JsonObject>>> related = new HashMap<>();
        for (Path folder : folders) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    collect(JsonParser.parseString(Files.readString(file)), resources, related);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<ResourceSnapshot> withRelated = new ArrayList<>();
        for (ResourceSnapshot resource : resources) {
            ResourceSnapshot snapshot = resource;
            for (Map.Entry<RelatedKind, List<JsonObject>> kind
                    : related.getOrDefault(key(resource.id().toString()), Map.of()).entrySet()) {
                if (snapshot.related(kind.getKey()).isEmpty()) {
                    snapshot = snapshot.withRelated(kind.getKey(), kind.getValue());
                }
            }
            withRelated.add(snapshot);
        }
        return withRelated;
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    private static void collect(JsonElement json, List<ResourceSnapshot> into,
            Map<String, Map<RelatedKind, List<JsonObject>>> related) {
        if (json.isJsonArray()) {
            json.getAsJsonArray().forEach(item -> collect(item, into, related));
            return;
        }
        if (!json.isJsonObject()) {
            return;
        }
        JsonObject object = json.getAsJsonObject();
        for (String list : List.of("value", "data")) {
            if (object.get(list) instanceof JsonArray items) {
                collect(items, into, related);
                return;
            }
        }
        if (object.get("id") instanceof JsonPrimitive id) {
            String lower = key(id.getAsString());
            for (Map.Entry<String, RelatedKind> segment : RELATED_SEGMENTS.entrySet()) {
                int at = lower.lastIndexOf(segment.getKey());
                if (at > 0) {
                    related.computeIfAbsent(lower.substring(0, at), k -> new EnumMap<>(RelatedKind.class))
                            .computeIfAbsent(segment.getValue(), k -> new ArrayList<>()).add(object);
                    return;
                }
            }
        }
        JsonObject resource = SnapshotEnvelope.isEnvelope(object) ? object.getAsJsonObject("resource") : object;
        boolean evaluated = resource.get("type") instanceof JsonPrimitive type
                && ResourceType.fromArmType(type.getAsString()).isPresent();
        if (evaluated && resource.has("id")) {
            try {
                into.add(SnapshotEnvelope.toSnapshot(object));
            } catch (IllegalArgumentException e) {
                // An example whose id is a placeholder ({id}) is not a resource Baseline Guard could meet.
            }
        }
    }

    private static Set<String> fixedRules(ResourceReport report) {
        Set<String> ids = new TreeSet<>();
        for (PlanStep step : report.plan().steps()) {
            step.changes().stream().map(PlannedChange::ruleId).forEach(ids::add);
        }
        return ids;
    }
}
