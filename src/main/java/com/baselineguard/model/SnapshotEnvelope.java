package com.baselineguard.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The snapshot envelope: a resource with its related data, stated explicitly so that "loaded, there
 * are none" can be told apart from "not loaded":
 * <pre>{"resource": {...ARM resource...}, "related": {"diagnosticSettings": [], "firewallRules": [...]}}</pre>
 * Member names of {@code related} are {@link RelatedKind#jsonName()}.
 */
public final class SnapshotEnvelope {

    private SnapshotEnvelope() {
    }

    /** True when {@code object} is an envelope rather than a bare resource. */
    public static boolean isEnvelope(JsonObject object) {
        return object.get("resource") instanceof JsonObject && !object.has("id");
    }

    /**
     * The related data an envelope declares.
     *
     * @throws IllegalArgumentException naming the problem when {@code related} is malformed
     */
    public static Map<RelatedKind, List<JsonObject>> related(JsonObject envelope) {
        Map<RelatedKind, List<JsonObject>> related = new EnumMap<>(RelatedKind.class);
        JsonElement relatedElement = envelope.get("related");
        if (relatedElement == null || relatedElement.isJsonNull()) {
            return related;
        }
        if (!relatedElement.isJsonObject()) {
            throw new IllegalArgumentException("\"related\" must be an object");
        }
        for (Map.Entry<String, JsonElement> entry : relatedElement.getAsJsonObject().entrySet()) {
            Optional<RelatedKind> kind = Arrays.stream(RelatedKind.values())
                    .filter(k -> k.jsonName().equalsIgnoreCase(entry.getKey())).findFirst();
            if (kind.isEmpty()) {
                throw new IllegalArgumentException("\"related\" has unknown member \"" + entry.getKey() + "\"; known: "
                        + String.join(", ", Arrays.stream(RelatedKind.values()).map(RelatedKind::jsonName).toList()));
            }
            if (!entry.getValue().isJsonArray()
                    || !entry.getValue().getAsJsonArray().asList().stream().allMatch(JsonElement::isJsonObject)) {
                throw new IllegalArgumentException("\"related." + entry.getKey() + "\" must be an array of objects");
            }
            related.put(kind.get(), entry.getValue().getAsJsonArray().asList().stream()
                    .map(JsonElement::getAsJsonObject).toList());
        }
        return related;
    }

    /**
     * A snapshot from a bare resource or an envelope.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static ResourceSnapshot toSnapshot(JsonObject object) {
        if (!isEnvelope(object)) {
            return ResourceSnapshot.of(object);
        }
        ResourceSnapshot snapshot = ResourceSnapshot.of(object.getAsJsonObject("resource"));
        for (Map.Entry<RelatedKind, List<JsonObject>> entry : related(object).entrySet()) {
            snapshot = snapshot.withRelated(entry.getKey(), entry.getValue());
        }
        return snapshot;
    }
}
