package com.baselineguard.engine;

import com.baselineguard.engine.port.ArmGateway;
import com.baselineguard.engine.port.ArmResponse;
import com.baselineguard.engine.port.KeyVaultGateway;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceId;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.Catalog;
import com.baselineguard.rules.Rule;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The data beyond the resource body that the running rules need ({@link RelatedKind}), read beside the
 * resource so that rules stay pure. A kind is read only when a rule that runs under the policy needs it
 * ({@link Rule#relatedData()}, {@link Policy#runs}), at most once per invocation, in the order of
 * {@link RelatedKind}. Each kind Baseline Guard can read is one entry of {@link #READERS}; a kind
 * without an entry is not read, and the rules that need it report not_evaluated and say what is missing.
 * A read that fails leaves the kind not loaded (the same not_evaluated); ARM being unreachable defers
 * the whole invocation.
 */
final class RelatedReads {

    /** How one kind is read into the snapshot. */
    @FunctionalInterface
    interface Reader {
        ResourceSnapshot read(ResourceSnapshot snapshot, Sources from);
    }

    /** What a reader reads from: the invocation's ARM gateway (deadline, counted requests), Key Vault, the clock. */
    record Sources(ArmGateway arm, KeyVaultGateway keyVault, Clock clock) {
    }

    /** One entry per kind Baseline Guard reads. */
    static final Map<RelatedKind, Reader> READERS = readers();

    private static Map<RelatedKind, Reader> readers() {
        Map<RelatedKind, Reader> readers = new EnumMap<>(RelatedKind.class);
        readers.put(RelatedKind.DIAGNOSTIC_SETTINGS, listed(RelatedKind.DIAGNOSTIC_SETTINGS, ArmGateway::diagnosticSettings));
        readers.put(RelatedKind.KEY_VAULTS, (snapshot, from) -> CustomerKeys.withVault(snapshot, from.arm()));
        readers.put(RelatedKind.KEYS, (snapshot, from) -> CustomerKeys.withKey(snapshot, from.keyVault(), from.clock()));
        return Collections.unmodifiableMap(readers);
    }

    private final Map<ResourceType, Set<RelatedKind>> needed = new EnumMap<>(ResourceType.class);
    private final KeyVaultGateway keyVault;
    private final Clock clock;

    RelatedReads(Catalog catalog, Policy policy, KeyVaultGateway keyVault, Clock clock) {
        this.keyVault = keyVault;
        this.clock = clock;
        for (ResourceType type : ResourceType.values()) {
            Set<RelatedKind> kinds = EnumSet.noneOf(RelatedKind.class);
            for (Rule rule : catalog.rulesFor(type)) {
                if (policy.runs(rule.metadata().id())) {
                    kinds.addAll(rule.relatedData());
                }
            }
            needed.put(type, Collections.unmodifiableSet(kinds));
        }
    }

    /** The kinds the running rules of a type need; the policy does not change, so this is worked out once. */
    Set<RelatedKind> needed(ResourceType type) {
        return needed.get(type);
    }

    /** The snapshot with every kind its running rules need that Baseline Guard can read. */
    ResourceSnapshot load(ResourceSnapshot snapshot, ArmGateway arm) {
        Sources from = new Sources(arm, keyVault, clock);
        ResourceSnapshot loaded = snapshot;
        for (RelatedKind kind : needed(snapshot.type())) {
            Reader reader = READERS.get(kind);
            if (reader != null) {
                loaded = reader.read(loaded, from);
            }
        }
        return loaded;
    }

    /**
     * A kind ARM lists as {@code {"value": [...]}} (one page): its items become the related data; a
     * refused or malformed answer leaves the kind not loaded.
     */
    static Reader listed(RelatedKind kind, BiFunction<ArmGateway, ResourceId, ArmResponse> list) {
        return (snapshot, from) -> {
            ArmResponse response = list.apply(from.arm(), snapshot.id());
            if (!response.ok() || response.object().isEmpty()) {
                return snapshot;
            }
            JsonElement value = response.object().get().get("value");
            if (value == null || !value.isJsonArray()) {
                return snapshot;
            }
            List<JsonObject> items = value.getAsJsonArray().asList().stream().filter(JsonElement::isJsonObject)
                    .map(JsonElement::getAsJsonObject).toList();
            return snapshot.withRelated(kind, items);
        };
    }
}
