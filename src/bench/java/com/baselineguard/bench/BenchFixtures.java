package com.baselineguard.bench;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real published shapes the benchmarks run on: every Redis cache, Batch account and pool body
 * under {@code src/test/resources/fixtures} (list fixtures contribute each item), and the published
 * ResourceWriteSuccess events.
 */
public final class BenchFixtures {

    static final String REDIS_UPDATE = "Microsoft.Cache/redis/2024-11-01_RedisCacheUpdate.json";
    static final String REDIS_CREATE = "Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json";
    static final String EG_WRITE = "Microsoft.EventGrid/events/event-grid-schema_resource_write_success.json";
    static final String CE_WRITE = "Microsoft.EventGrid/events/cloud-events-schema_resource_write_success.json";

    private BenchFixtures() {
    }

    /** The JSON text of every supported resource in the fixtures, in a stable order (Redis, accounts, pools). */
    public static List<String> resourceTexts() {
        List<String> texts = new ArrayList<>();
        for (String folder : List.of("Microsoft.Cache/redis", "Microsoft.Batch/batchAccounts",
                "Microsoft.Batch/batchAccounts/pools")) {
            for (String file : jsonFiles(folder)) {
                JsonElement root = Fixtures.json(folder + "/" + file);
                JsonElement value = root.isJsonObject() ? root.getAsJsonObject().get("value") : null;
                List<JsonElement> items = value != null && value.isJsonArray() ? value.getAsJsonArray().asList()
                        : List.of(root);
                for (JsonElement item : items) {
                    if (item.isJsonObject() && parses(item.getAsJsonObject())) {
                        texts.add(item.toString());
                    }
                }
            }
        }
        return texts;
    }

    /** The published write events, Event Grid schema and CloudEvents, as delivered (arrays of one). */
    public static List<String> writeEvents() {
        return List.of(delivery(EG_WRITE), delivery(CE_WRITE));
    }

    /** A delivery of one published write event, pointed at {@code resourceId}, written by another client. */
    public static String writeEventAbout(String resourceId, String operationName) {
        JsonElement root = Fixtures.json(EG_WRITE);
        JsonObject event = root.isJsonArray() ? root.getAsJsonArray().get(0).getAsJsonObject() : root.getAsJsonObject();
        event.addProperty("subject", resourceId);
        JsonObject data = event.getAsJsonObject("data");
        data.addProperty("resourceUri", resourceId);
        data.addProperty("operationName", operationName);
        data.getAsJsonObject("claims").addProperty("appid", "someone-else");
        JsonArray delivery = new JsonArray();
        delivery.add(event);
        return delivery.toString();
    }

    private static String delivery(String fixture) {
        JsonElement root = JsonParser.parseString(Fixtures.text(fixture));
        if (root.isJsonArray()) {
            return root.toString();
        }
        JsonArray delivery = new JsonArray();
        delivery.add(root);
        return delivery.toString();
    }

    private static boolean parses(JsonObject resource) {
        try {
            ResourceSnapshot.of(resource);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static List<String> jsonFiles(String folder) {
        try {
            Path dir = Path.of(Fixtures.class.getResource("/fixtures/" + folder).toURI());
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(p -> p.toString().endsWith(".json")).map(p -> p.getFileName().toString())
                        .sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
