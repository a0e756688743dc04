package com.baselineguard.engine;

import com.baselineguard.engine.port.ArmGateway;
import com.baselineguard.engine.port.ArmResponse;
import com.baselineguard.engine.port.KeyVaultGateway;
import com.baselineguard.engine.port.Replies.Meaning;
import com.baselineguard.engine.port.Replies.Operation;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Catalog;
import com.baselineguard.rules.Rule;
import com.baselineguard.rules.Status;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The data beyond the resource body that the running rules need ({@link RelatedKind}), read beside the
 * resource so that rules stay pure. The body is evaluated first; a kind is then read only when a rule
 * that runs and declares it ({@link Rule#relatedData()}) fails or is not evaluated without it, and the
 * snapshot does not already carry it: a private cache costs no firewall-rule read, a body that carries
 * {@code properties.privateEndpointConnections} no list of them. Each kind is read at most once per
 * invocation, every page of it, in the order of {@link RelatedKind}; each kind Baseline Guard reads is
 * one entry of {@link #READERS}.
 *
 * <p>A list that cannot be read (403, 404, a body without {@code value}, a nextLink that is not a page
 * of the same list) leaves the kind not loaded, so its rules report {@code not_evaluated}, never a pass,
 * and the problem is reported with the outcome. An answer the reply table says to retry later (408, 409,
 * 429, 5xx once the pipeline's own retries are spent) defers the whole invocation, as it does for the
 * resource's own GET; so does ARM being unreachable.
 */
final class RelatedReads {

    /** A bound on the pages of one list, so a misbehaving nextLink cannot loop forever. */
    static final int MAX_PAGES = 100;

    /** How one kind is read into the snapshot. */
    @FunctionalInterface
    interface Reader {
        Read read(ResourceSnapshot snapshot, Sources from);
    }

    /**
     * One kind's read: the snapshot with it loaded, or as it was and why; or the verdict that defers the
     * invocation (an answer to retry later).
     */
    record Read(ResourceSnapshot snapshot, Optional<String> problem, Optional<Verdict> deferred) {

        static Read loaded(ResourceSnapshot snapshot) {
            return new Read(snapshot, Optional.empty(), Optional.empty());
        }

        static Read notLoaded(ResourceSnapshot snapshot, String problem) {
            return new Read(snapshot, Optional.of(problem), Optional.empty());
        }

        /**
         * Empty when {@code response} succeeded; otherwise the read that ends here: deferred when the reply
         * table says to retry later (with the server's wait), else not loaded with the status and error.
         *
         * @param what who answered, in a deferral's reason, e.g. {@code diagnosticSettings list}
         */
        static Optional<Read> unless(ResourceSnapshot snapshot, ArmResponse response, String what) {
            if (response.ok()) {
                return Optional.empty();
            }
            Reply reply = Reply.of(response);
            if (reply.meaning(Operation.READ) == Meaning.RETRY_LATER) {
                return Optional.of(new Read(snapshot, Optional.empty(),
                        Optional.of(reply.deferred(what, List.of(), List.of()))));
            }
            return Optional.of(notLoaded(snapshot, "HTTP " + response.status()
                    + response.error().map(e -> " " + e).orElse("")));
        }
    }

    /** What a reader reads from: the invocation's ARM gateway (deadline, counted requests), Key Vault, the clock. */
    record Sources(ArmGateway arm, KeyVaultGateway keyVault, Clock clock) {
    }

    /**
     * The snapshot with what could be read, and what could not (one line per kind); or, when a read was
     * answered with "retry later", the verdict that defers the invocation.
     */
    record Loaded(ResourceSnapshot snapshot, List<String> problems, Optional<Verdict> deferred) {
        Loaded {
            problems = List.copyOf(problems);
        }
    }

    /** One entry per kind Baseline Guard reads. */
    static final Map<RelatedKind, Reader> READERS = readers();

    private static Map<RelatedKind, Reader> readers() {
        Map<RelatedKind, Reader> readers = new EnumMap<>(RelatedKind.class);
        for (RelatedKind kind : List.of(RelatedKind.DIAGNOSTIC_SETTINGS, RelatedKind.FIREWALL_RULES,
                RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS, RelatedKind.CERTIFICATES)) {
            readers.put(kind, listed(kind));
        }
        readers.put(RelatedKind.KEY_VAULTS, (snapshot, from) -> CustomerKeys.withVault(snapshot, from.arm()));
        readers.put(RelatedKind.KEYS,
                (snapshot, from) -> Read.loaded(CustomerKeys.withKey(snapshot, from.keyVault(), from.clock())));
        return Collections.unmodifiableMap(readers);
    }

    private final Catalog catalog;
    private final KeyVaultGateway keyVault;
    private final Clock clock;

    RelatedReads(Catalog catalog, KeyVaultGateway keyVault, Clock clock) {
        this.catalog = catalog;
        this.keyVault = keyVault;
        this.clock = clock;
    }

    /**
     * The kinds to read for a report made without them: declared by a rule whose finding is {@code fail}
     * or {@code not_evaluated}, missing from the snapshot, and read by Baseline Guard. Pure; the sweep uses
     * it to decide which Resource Graph rows need a full read.
     */
    static Set<RelatedKind> needed(Catalog catalog, ResourceReport report) {
        Set<RelatedKind> kinds = EnumSet.noneOf(RelatedKind.class);
        if (report.skipped().isPresent()) {
            return kinds;
        }
        ResourceSnapshot snapshot = report.snapshot();
        for (Finding finding : report.findings()) {
            if (finding.status() != Status.FAIL && finding.status() != Status.NOT_EVALUATED) {
                continue;
            }
            for (RelatedKind kind : catalog.find(finding.rule().id()).map(Rule::relatedData).orElse(Set.of())) {
                if (READERS.containsKey(kind) && snapshot.related(kind).isEmpty()) {
                    kinds.add(kind);
                }
            }
        }
        return kinds;
    }

    /**
     * The report's snapshot with every kind its running rules need to be decided ({@link #needed}), read
     * through the invocation's gateway. The snapshot is the report's own object when nothing was loaded.
     *
     * @param report the resource body evaluated without the related data
     */
    Loaded load(ResourceReport report, ArmGateway arm) {
        Sources from = new Sources(arm, keyVault, clock);
        ResourceSnapshot loaded = report.snapshot();
        List<String> problems = new ArrayList<>();
        for (RelatedKind kind : needed(catalog, report)) {
            Read read = READERS.get(kind).read(loaded, from);
            if (read.deferred().isPresent()) {
                return new Loaded(loaded, problems, read.deferred());
            }
            loaded = read.snapshot();
            read.problem().ifPresent(p -> problems.add(kind.jsonName() + " not read: " + p));
        }
        return new Loaded(loaded, problems, Optional.empty());
    }

    /**
     * A kind ARM lists as {@code {"value": [...], "nextLink": ...}}: every page's items become the related
     * data; a refused or malformed page leaves the kind not loaded, with the reason.
     */
    static Reader listed(RelatedKind kind) {
        return (snapshot, from) -> {
            List<JsonObject> items = new ArrayList<>();
            Optional<String> nextLink = Optional.empty();
            for (int page = 0; page < MAX_PAGES; page++) {
                ArmResponse response;
                try {
                    response = from.arm().listRelated(snapshot.id(), kind, nextLink);
                } catch (IllegalArgumentException e) {
                    return Read.notLoaded(snapshot, e.getMessage());
                }
                Optional<Read> refused = Read.unless(snapshot, response, kind.jsonName() + " list");
                if (refused.isPresent()) {
                    return refused.get();
                }
                Optional<JsonObject> body = response.object();
                JsonElement value = body.map(b -> b.get("value")).orElse(null);
                if (value == null || !value.isJsonArray()) {
                    return Read.notLoaded(snapshot, "the answer has no \"value\" list");
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
                    return Read.loaded(snapshot.withRelated(kind, items));
                }
            }
            return Read.notLoaded(snapshot, "more than " + MAX_PAGES + " pages");
        };
    }
}
