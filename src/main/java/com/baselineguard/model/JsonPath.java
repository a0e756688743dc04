package com.baselineguard.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A path to a property of an ARM resource, written with dots: {@code properties.minimumTlsVersion},
 * {@code properties.redisConfiguration.aad-enabled}. No ARM property name used by the rules contains
 * a dot, so the dotted form is unambiguous.
 *
 * <p>Lookup tries the exact key first and then ignores case, because some resource providers and
 * Resource Graph return keys in a different casing than the REST API specs.
 */
public final class JsonPath {

    /**
     * Paths parsed from text, by text. Rules name their paths as constants or build them from a few
     * fixed names, so the set is small; the bound only guards against a caller that builds paths
     * from data.
     */
    private static final int CACHE_LIMIT = 4096;
    private static final Map<String, JsonPath> PARSED = new ConcurrentHashMap<>();

    private final List<String> segments;
    /** The segments again, for {@link #read}: walking an array allocates no iterator on the hot path. */
    private final String[] steps;
    private final String dotted;

    public JsonPath(List<String> segments) {
        if (segments.isEmpty() || segments.stream().anyMatch(s -> s == null || s.isEmpty())) {
            throw new IllegalArgumentException("a property path needs non-empty segments: " + segments);
        }
        this.segments = List.copyOf(segments);
        this.steps = this.segments.toArray(new String[0]);
        this.dotted = String.join(".", this.segments);
    }

    /** The path of a dotted text; the same text gives the same (immutable) instance. */
    public static JsonPath of(String dotted) {
        JsonPath known = PARSED.get(dotted);
        if (known != null) {
            return known;
        }
        JsonPath parsed = new JsonPath(List.of(dotted.split("\\.", -1)));
        if (PARSED.size() < CACHE_LIMIT) {
            PARSED.putIfAbsent(dotted, parsed);
        }
        return parsed;
    }

    public List<String> segments() {
        return segments;
    }

    /** The value at this path, or empty when any segment is missing or JSON null ("not set"). */
    public Optional<JsonElement> read(JsonObject root) {
        JsonElement current = root;
        for (String segment : steps) {
            if (!(current instanceof JsonObject object)) {
                return Optional.empty();
            }
            current = member(object, segment);
            if (current == null || current.isJsonNull()) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    /** The string value at this path; numbers and booleans are given as text. */
    public Optional<String> readString(JsonObject root) {
        return read(root).filter(JsonElement::isJsonPrimitive).map(JsonElement::getAsString);
    }

    public Optional<JsonObject> readObject(JsonObject root) {
        return read(root).filter(JsonElement::isJsonObject).map(JsonElement::getAsJsonObject);
    }

    public Optional<JsonArray> readArray(JsonObject root) {
        return read(root).filter(JsonElement::isJsonArray).map(JsonElement::getAsJsonArray);
    }

    /** A JSON object holding only {@code value} at this path: the body of a PATCH that sets it. */
    public JsonObject wrap(JsonElement value) {
        JsonObject root = new JsonObject();
        JsonObject current = root;
        for (int i = 0; i < segments.size() - 1; i++) {
            JsonObject next = new JsonObject();
            current.add(segments.get(i), next);
            current = next;
        }
        current.add(segments.get(segments.size() - 1), value == null ? JsonNull.INSTANCE : value);
        return root;
    }

    /** The member named {@code key}, matched exactly, else ignoring case; null when absent. */
    public static JsonElement member(JsonObject object, String key) {
        JsonElement exact = object.get(key);
        if (exact != null) {
            return exact;
        }
        String name = nameIgnoringCase(object, key);
        return name == null ? null : object.get(name);
    }

    /**
     * The name under which {@code object} holds the member {@code key}, by the same rule as {@link #member}:
     * {@code key} itself, else the first name equal to it ignoring case; null when absent.
     */
    public static String memberName(JsonObject object, String key) {
        return object.has(key) ? key : nameIgnoringCase(object, key);
    }

    private static String nameIgnoringCase(JsonObject object, String key) {
        for (String name : object.keySet()) {
            if (name.equalsIgnoreCase(key)) {
                return name;
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonPath path && path.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    @Override
    public String toString() {
        return dotted;
    }
}
