package com.baselineguard.testing;

import com.baselineguard.model.JsonPath;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Real published ARM shapes from {@code src/test/resources/fixtures} (see its SOURCES.md), and
 * variants derived from them. A variant changes one property of a real shape, so a test can show
 * the failing and passing sides of a rule on an otherwise real resource.
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** The parsed JSON of a fixture, e.g. {@code Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json}. */
    public static JsonElement json(String relative) {
        String resource = "/fixtures/" + relative;
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exact text of a fixture, e.g. an Event Grid delivery body. */
    public static String text(String relative) {
        String resource = "/fixtures/" + relative;
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The resource in a single-resource fixture. */
    public static ResourceSnapshot snapshot(String relative) {
        return ResourceSnapshot.of(json(relative).getAsJsonObject());
    }

    /** The resources of a list fixture ({@code {"value": [...]}}). */
    public static List<ResourceSnapshot> list(String relative) {
        JsonArray value = json(relative).getAsJsonObject().getAsJsonArray("value");
        return value.asList().stream().map(e -> ResourceSnapshot.of(e.getAsJsonObject())).toList();
    }

    /** The objects of a list fixture, e.g. firewall rules or diagnostic settings to attach as related data. */
    public static List<JsonObject> items(String relative) {
        JsonElement root = json(relative);
        JsonArray array = root.isJsonArray() ? root.getAsJsonArray() : root.getAsJsonObject().getAsJsonArray("value");
        return array.asList().stream().map(JsonElement::getAsJsonObject).toList();
    }

    /** The snapshot with one property set (a variant of a real shape). */
    public static ResourceSnapshot with(ResourceSnapshot snapshot, String path, JsonElement value) {
        JsonObject copy = snapshot.resource().deepCopy();
        JsonPath target = JsonPath.of(path);
        JsonObject current = copy;
        List<String> segments = target.segments();
        for (int i = 0; i < segments.size() - 1; i++) {
            JsonElement next = current.get(segments.get(i));
            if (next == null || !next.isJsonObject()) {
                next = new JsonObject();
                current.add(segments.get(i), next);
            }
            current = next.getAsJsonObject();
        }
        current.add(segments.get(segments.size() - 1), value);
        return snapshot.withResource(copy);
    }

    /** The snapshot with one property removed (a variant of a real shape). */
    public static ResourceSnapshot without(ResourceSnapshot snapshot, String path) {
        JsonObject copy = snapshot.resource().deepCopy();
        List<String> segments = JsonPath.of(path).segments();
        JsonObject current = copy;
        for (int i = 0; i < segments.size() - 1; i++) {
            JsonElement next = current.get(segments.get(i));
            if (next == null || !next.isJsonObject()) {
                return snapshot.withResource(copy);
            }
            current = next.getAsJsonObject();
        }
        current.remove(segments.get(segments.size() - 1));
        return snapshot.withResource(copy);
    }

    /** The snapshot with related data loaded. */
    public static ResourceSnapshot related(ResourceSnapshot snapshot, RelatedKind kind, List<JsonObject> items) {
        return snapshot.withRelated(kind, items);
    }

    /** Parses inline JSON, for the few hand-made values a variant needs. */
    public static JsonElement parse(String json) {
        return JsonParser.parseString(json);
    }
}
