package com.baselineguard.engine;

import com.baselineguard.arm.ArmGateway;
import com.baselineguard.arm.ArmResponse;
import com.baselineguard.arm.RelatedCollection;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Catalog;
import com.baselineguard.rules.Rule;
import com.baselineguard.rules.Status;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads the related data (diagnostic settings, Redis firewall rules, private endpoint connections, Batch
 * certificates) that a resource's running rules need and its body does not carry, each kind once per
 * invocation, every page of it. A kind is read only when a rule that declares it ({@link Rule#relatedData()})
 * runs and, without it, fails or is not evaluated: a private cache does not cost a firewall-rule read, and a
 * body that carries {@code properties.privateEndpointConnections} does not cost a list of them.
 *
 * <p>A kind that cannot be read (403, 404, a body without {@code value}) stays not loaded, so its rules report
 * {@code not_evaluated}, never a pass, and the problem is reported with the outcome.
 */
final class RelatedReads {

    /** A bound on the pages of one list, so a misbehaving nextLink cannot loop forever. */
    static final int MAX_PAGES = 100;

    /**
     * The snapshot with what could be read, and what could not (one line per kind).
     */
    record Loaded(ResourceSnapshot snapshot, List<String> problems) {
        Loaded {
            problems = List.copyOf(problems);
        }
    }

    private final Catalog catalog;

    RelatedReads(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The kinds to read for a report made without them: declared by a rule whose finding is {@code fail} or
     * {@code not_evaluated}, missing from the snapshot, and listed by ARM for the resource's type. Pure; the
     * sweep uses it to decide which Resource Graph rows need a full read.
     */
    Set<RelatedKind> needed(ResourceReport report) {
        Set<RelatedKind> kinds = EnumSet.noneOf(RelatedKind.class);
        if (report.skipped().isPresent()) {
            return kinds;
        }
        ResourceSnapshot snapshot = report.snapshot();
        for (Finding finding : report.findings()) {
            if (finding.status() != Status.FAIL && finding.status() != Status.NOT_EVALUATED) {
                continue;
            }
            Optional<Rule> rule = catalog.find(finding.rule().id());
            if (rule.isEmpty()) {
                continue;
            }
            for (RelatedKind kind : rule.get().relatedData()) {
                if (snapshot.related(kind).isEmpty() && RelatedCollection.of(snapshot.type(), kind).isPresent()) {
                    kinds.add(kind);
                }
            }
        }
        return kinds;
    }

    /**
     * Reads the kinds through the invocation's gateway.
     *
     * @param counted sends one ARM request through the invocation, which counts it
     */
    Loaded load(ResourceSnapshot snapshot, Set<RelatedKind> kinds, ArmGateway arm,
            Function<Supplier<ArmResponse>, ArmResponse> counted) {
        ResourceSnapshot loaded = snapshot;
        List<String> problems = new ArrayList<>();
        for (RelatedKind kind : kinds) {
            List<JsonObject> items = new ArrayList<>();
            Optional<String> problem = readAll(snapshot, kind, arm, counted, items);
            if (problem.isPresent()) {
                problems.add(kind.jsonName() + " not read: " + problem.get());
            } else {
                loaded = loaded.withRelated(kind, items);
            }
        }
        return new Loaded(loaded, problems);
    }

    /** Every page of one list into {@code items}; the reason when the list could not be read whole. */
    private static Optional<String> readAll(ResourceSnapshot snapshot, RelatedKind kind, ArmGateway arm,
            Function<Supplier<ArmResponse>, ArmResponse> counted, List<JsonObject> items) {
        Optional<String> nextLink = Optional.empty();
        for (int page = 0; page < MAX_PAGES; page++) {
            Optional<String> link = nextLink;
            ArmResponse response;
            try {
                response = counted.apply(() -> arm.listRelated(snapshot.id(), kind, link));
            } catch (IllegalArgumentException e) {
                return Optional.of(e.getMessage());
            }
            if (!response.ok()) {
                return Optional.of("HTTP " + response.status() + response.error().map(e -> " " + e).orElse(""));
            }
            Optional<JsonObject> body = response.object();
            JsonElement value = body.map(b -> b.get("value")).orElse(null);
            if (value == null || !value.isJsonArray()) {
                return Optional.of("the answer has no \"value\" list");
            }
            for (JsonElement item : value.getAsJsonArray()) {
                if (item.isJsonObject()) {
                    items.add(item.getAsJsonObject());
                }
            }
            JsonElement next = body.get().get("nextLink");
            nextLink = next != null && next.isJsonPrimitive() && !next.getAsString().isBlank()
                    ? Optional.of(next.getAsString()) : Optional.empty();
            if (nextLink.isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of("more than " + MAX_PAGES + " pages");
    }
}
