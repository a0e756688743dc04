package com.baselineguard.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One ARM resource as read at one moment (a GET response body, a list item or a Resource Graph row),
 * plus the related data loaded with it ({@link RelatedKind}). Rules read it and never change it:
 * applying a plan in memory makes a new snapshot ({@link #withResource}).
 */
public final class ResourceSnapshot {

    private static final JsonPath PRIVATE_ENDPOINTS_IN_BODY = JsonPath.of("properties.privateEndpointConnections");
    private static final JsonPath ID = JsonPath.of("id");
    private static final JsonPath TYPE = JsonPath.of("type");
    private static final JsonPath TAGS = JsonPath.of("tags");

    private final JsonObject resource;
    private final ResourceId id;
    private final ResourceType type;
    private final Map<RelatedKind, List<JsonObject>> related;
    /** Facts derived from this snapshot so far ({@link #derive}); made on first use. */
    private Map<Derived<?>, Object> derived;

    private ResourceSnapshot(JsonObject resource, ResourceId id, ResourceType type,
            Map<RelatedKind, List<JsonObject>> related) {
        this.resource = resource;
        this.id = id;
        this.type = type;
        this.related = related;
    }

    /**
     * A snapshot of an ARM resource body with no related data loaded.
     *
     * @throws IllegalArgumentException when the body has no valid {@code id}, or a {@code type} that
     *     Baseline Guard does not evaluate
     */
    public static ResourceSnapshot of(JsonObject resource) {
        String idText = ID.readString(resource)
                .orElseThrow(() -> new IllegalArgumentException("resource has no \"id\""));
        ResourceId id = ResourceId.parse(idText);
        String typeText = TYPE.readString(resource).filter(t -> !t.isBlank()).orElse(id.type());
        ResourceType type = ResourceType.fromArmType(typeText).orElseThrow(
                () -> new IllegalArgumentException("resource type " + typeText + " is not evaluated by Baseline Guard"));
        if (!ResourceType.fromArmType(id.type()).equals(Optional.of(type))) {
            throw new IllegalArgumentException("resource type " + typeText + " does not match its id " + idText);
        }
        return new ResourceSnapshot(resource, id, type, Map.of());
    }

    public ResourceId id() {
        return id;
    }

    public ResourceType type() {
        return type;
    }

    /** The resource body. Callers must not modify it. */
    public JsonObject resource() {
        return resource;
    }

    public Optional<JsonElement> value(String path) {
        return JsonPath.of(path).read(resource);
    }

    public Optional<String> string(String path) {
        return JsonPath.of(path).readString(resource);
    }

    /** The resource's tags, keys as ARM returns them. */
    public Map<String, String> tags() {
        Optional<JsonObject> tags = TAGS.readObject(resource);
        if (tags.isEmpty()) {
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : tags.get().entrySet()) {
            JsonElement v = entry.getValue();
            result.put(entry.getKey(), v.isJsonPrimitive() ? v.getAsString() : v.toString());
        }
        return Collections.unmodifiableMap(result);
    }

    /**
     * The related data of a kind, or empty when this snapshot did not load it. Private endpoint
     * connections also count as loaded when the body carries {@code properties.privateEndpointConnections}.
     */
    public Optional<List<JsonObject>> related(RelatedKind kind) {
        List<JsonObject> loaded = related.get(kind);
        if (loaded != null) {
            return Optional.of(loaded);
        }
        if (kind == RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS) {
            return PRIVATE_ENDPOINTS_IN_BODY.readArray(resource).map(ResourceSnapshot::objects);
        }
        return Optional.empty();
    }

    /** Which related kinds were loaded explicitly. */
    public Map<RelatedKind, List<JsonObject>> loadedRelated() {
        return related;
    }

    /** This snapshot with related data of one kind loaded (replacing any loaded before). */
    public ResourceSnapshot withRelated(RelatedKind kind, List<JsonObject> items) {
        Map<RelatedKind, List<JsonObject>> copy = new EnumMap<>(RelatedKind.class);
        copy.putAll(related);
        copy.put(kind, List.copyOf(items));
        return new ResourceSnapshot(resource, id, type, Collections.unmodifiableMap(copy));
    }

    /** The same resource with another body (used when a plan is applied in memory). */
    public ResourceSnapshot withResource(JsonObject newBody) {
        return new ResourceSnapshot(newBody, id, type, related);
    }

    /**
     * A fact several rules derive from a snapshot the same way (whether a pool is drained, its VM
     * configuration). The function must be pure: it sees only the snapshot and is run at most once per
     * snapshot, so rules share the result instead of each working it out again.
     */
    public static final class Derived<T> {
        private final Function<ResourceSnapshot, T> function;

        private Derived(Function<ResourceSnapshot, T> function) {
            this.function = function;
        }

        public static <T> Derived<T> of(Function<ResourceSnapshot, T> function) {
            return new Derived<>(function);
        }
    }

    /**
     * The fact for this snapshot, worked out on first use. A snapshot made by {@link #withResource} or
     * {@link #withRelated} starts without facts, since its data differ.
     */
    public <T> T derive(Derived<T> fact) {
        synchronized (this) {
            if (derived == null) {
                derived = new IdentityHashMap<>(8);
            }
            Object known = derived.get(fact);
            if (known == null && !derived.containsKey(fact)) {
                known = fact.function.apply(this);
                derived.put(fact, known);
            }
            @SuppressWarnings("unchecked")
            T result = (T) known;
            return result;
        }
    }

    private static List<JsonObject> objects(JsonArray array) {
        return array.asList().stream().filter(JsonElement::isJsonObject).map(JsonElement::getAsJsonObject).toList();
    }

    @Override
    public String toString() {
        return type + " " + id;
    }
}
