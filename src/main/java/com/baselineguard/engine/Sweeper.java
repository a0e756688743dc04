package com.baselineguard.engine;

import com.baselineguard.engine.port.ArmGateway;
import com.baselineguard.engine.port.ArmResponse;
import com.baselineguard.engine.port.ArmUnavailableException;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.Catalog;
import com.baselineguard.rules.Status;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Evaluates every supported resource in scope from Azure Resource Graph, page by page, and hands the
 * resources that need a fix, or related data Resource Graph lacks to be decided, to the remediation queue. Graph rows lag
 * behind ARM, so the sweep never writes from them: the queued work re-reads each resource first.
 */
public final class Sweeper {

    /** The columns the rules read (Resource Graph's resources table). */
    private static final String COLUMNS =
            "id, name, type, location, tags, properties, identity, sku, zones, kind, subscriptionId, resourceGroup";

    /** Resource Graph's largest page. */
    static final int PAGE_SIZE = 1000;
    /** A bound on pages, so a misbehaving skip token cannot loop forever (10 million resources). */
    static final int MAX_PAGES = 10_000;

    private final Evaluator evaluator;
    private final ArmGateway gateway;
    private final Remediator remediator;
    private final Clock clock;
    private final String query;
    private final SweepTriage triage;

    public Sweeper(Evaluator evaluator, Catalog catalog, ArmGateway gateway, Remediator remediator, Clock clock) {
        this.evaluator = evaluator;
        this.gateway = gateway;
        this.remediator = remediator;
        this.clock = clock;
        this.query = query(catalog);
        this.triage = new SweepTriage(catalog, evaluator);
    }

    /**
     * The Resource Graph query of a sweep: every resource type the catalog has rules for (Resource
     * Graph's {@code type} column is lower case; {@code in~} compares without case anyway), with the
     * columns the rules read, in id order so that pages do not overlap.
     */
    static String query(Catalog catalog) {
        StringJoiner types = new StringJoiner(", ");
        for (ResourceType type : ResourceType.values()) {
            if (!catalog.rulesFor(type).isEmpty()) {
                types.add("'" + type.armType().toLowerCase(Locale.ROOT) + "'");
            }
        }
        return "resources | where type in~ (" + types + ") | project " + COLUMNS + " | order by id asc";
    }

    /**
     * What a sweep found and queued; logged as the sweep's summary outcome.
     *
     * @param declinedPerRule for the resources not queued, per rule id, how many of its failing findings were left
     *     unfixed, by where their fix stands ({@code audit_only}, {@code blocked}, {@code none}): the changes the
     *     sweep declined without a queued invocation to record them one by one
     */
    public record Summary(String sweepId, int pages, int resources, int queued, int unreadableRows,
            Map<String, Map<String, Integer>> perRule, Map<String, Integer> perVerdict, Optional<String> error,
            Duration duration, Map<String, Map<String, Integer>> declinedPerRule) {

        public JsonObject toJson() {
            JsonObject o = new JsonObject();
            o.addProperty("schemaVersion", 1);
            o.addProperty("sweepId", sweepId);
            o.addProperty("trigger", "sweep");
            o.addProperty("result", error.isPresent() ? "failed" : "completed");
            o.addProperty("reason", error.orElse("swept " + resources + " resources in " + pages + " pages; "
                    + queued + " queued for remediation"));
            o.addProperty("pages", pages);
            o.addProperty("resources", resources);
            o.addProperty("queued", queued);
            o.addProperty("unreadableRows", unreadableRows);
            o.add("perVerdict", new com.google.gson.Gson().toJsonTree(perVerdict));
            o.add("perRule", new com.google.gson.Gson().toJsonTree(perRule));
            o.add("declinedPerRule", new com.google.gson.Gson().toJsonTree(declinedPerRule));
            o.addProperty("durationMs", duration.toMillis());
            return o;
        }

        public String logLine() {
            return "BaselineGuardSweep " + toJson();
        }
    }

    /**
     * Sweeps the scopes.
     *
     * @param subscriptions subscription ids (may be empty when managementGroups is not)
     * @param managementGroups management group ids
     * @param dryRun queued work only plans
     * @param enqueue receives the work for resources that need a fix or a fuller read
     */
    public Summary sweep(List<String> subscriptions, List<String> managementGroups, boolean dryRun,
            Consumer<WorkItem> enqueue) {
        return sweep(subscriptions, managementGroups, dryRun, enqueue, Optional.empty());
    }

    /**
     * As {@link #sweep(List, List, boolean, Consumer)}, for a caller that waits no longer than {@code waitsAtMost}
     * for a Retry-After (the command line's {@code --max-wait}): a page's retry waits end within it.
     */
    public Summary sweep(List<String> subscriptions, List<String> managementGroups, boolean dryRun,
            Consumer<WorkItem> enqueue, Optional<Duration> waitsAtMost) {
        Instant started = clock.instant();
        String sweepId = java.util.UUID.randomUUID().toString();
        Map<String, Map<String, Integer>> perRule = new TreeMap<>();
        Map<String, Integer> perVerdict = new TreeMap<>();
        Map<String, Map<String, Integer>> declined = new TreeMap<>();
        int pages = 0;
        int resources = 0;
        int queued = 0;
        int unreadable = 0;
        String skipToken = null;
        Optional<String> error = Optional.empty();
        do {
            ArmResponse page;
            try {
                ArmGateway graph = waitsAtMost.map(w -> gateway.within(Instant.now().plus(Remediator.INVOCATION_BUDGET),
                        Instant.now().plus(w))).orElse(gateway);
                page = graph.resourceGraph(query, subscriptions, managementGroups, PAGE_SIZE, skipToken);
            } catch (ArmUnavailableException e) {
                error = Optional.of("Resource Graph unavailable after " + pages + " pages: " + e.getMessage());
                break;
            }
            if (!page.ok() || page.object().isEmpty()) {
                error = Optional.of("Resource Graph answered " + page.status() + page.error().map(x -> " (" + x + ")").orElse(""));
                break;
            }
            pages++;
            JsonObject body = page.object().get();
            for (JsonElement row : rows(body)) {
                ResourceSnapshot snapshot;
                try {
                    snapshot = ResourceSnapshot.of(row.getAsJsonObject());
                } catch (RuntimeException e) {
                    unreadable++;
                    continue;
                }
                resources++;
                ResourceReport report = evaluator.evaluate(snapshot);
                for (Finding finding : report.findings()) {
                    perRule.computeIfAbsent(finding.rule().id(), k -> new TreeMap<>())
                            .merge(finding.statusLabel(), 1, Integer::sum);
                }
                String verdict;
                if (report.skipped().isPresent()) {
                    verdict = "skipped";
                } else if (triage.queues(report)) {
                    enqueue.accept(remediator.start(snapshot.id().toString(), Trigger.SWEEP, Optional.empty(),
                            Optional.of(sweepId), dryRun));
                    queued++;
                    verdict = "queued";
                } else {
                    verdict = report.failed() ? "audited" : "compliant";
                    for (Finding finding : report.findings()) {
                        if (finding.status() == Status.FAIL && !finding.informational()) {
                            declined.computeIfAbsent(finding.rule().id(), k -> new TreeMap<>())
                                    .merge(finding.fix().state().label(), 1, Integer::sum);
                        }
                    }
                }
                perVerdict.merge(verdict, 1, Integer::sum);
            }
            skipToken = Optional.ofNullable(body.get("$skipToken")).filter(JsonElement::isJsonPrimitive)
                    .map(JsonElement::getAsString).filter(s -> !s.isEmpty()).orElse(null);
        } while (skipToken != null && pages < MAX_PAGES);
        return new Summary(sweepId, pages, resources, queued, unreadable, perRule, perVerdict, error,
                Duration.between(started, clock.instant()), declined);
    }

    private static List<JsonElement> rows(JsonObject body) {
        JsonElement data = body.get("data");
        if (data == null || !data.isJsonArray()) {
            return List.of();
        }
        return data.getAsJsonArray().asList().stream().filter(JsonElement::isJsonObject).toList();
    }
}
