package com.baselineguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.config.SettingsLoader;
import com.baselineguard.engine.Evaluator;
import com.baselineguard.engine.ReportJson;
import com.baselineguard.engine.ResourceReport;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Catalog;
import com.baselineguard.testing.Fixtures;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The streamed resource entry must be exactly what {@link ReportJson#report} (the shape every output
 * shares, docs/output-json.md) plus {@code file} and {@code line} gives, member for member and in
 * order, for every kind of report: plans of one and more steps, audit-only and blocked fixes,
 * informational findings, exemptions with unknown ids, skipped resources.
 */
class ResourceJsonTest {

    private static final Catalog CATALOG = Catalog.standard();

    private static List<JsonObject> shapes() throws IOException {
        List<JsonObject> shapes = new ArrayList<>();
        for (String fixture : List.of("Microsoft.Cache/redis/2017-10-01_RedisCacheGet.json",
                "Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json", "Microsoft.Cache/redis/2024-11-01_RedisCacheUpdate.json",
                "Microsoft.Batch/batchAccounts/2025-06-01_BatchAccountGet.json",
                "Microsoft.Batch/batchAccounts/pools/2025-06-01_PoolCreate_PublicIPs.json",
                "Microsoft.Cache/redisEnterprise/2025-07-01_RedisEnterpriseUpdate.json")) {
            shapes.add(Fixtures.json(fixture).getAsJsonObject());
        }
        try (Stream<Path> samples = Files.walk(Path.of("samples"))) {
            for (Path sample : samples.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonElement root = JsonParser.parseString(Files.readString(sample));
                List<JsonElement> items = new ArrayList<>();
                if (root.isJsonArray()) {
                    root.getAsJsonArray().forEach(items::add);
                } else if (root.getAsJsonObject().get("value") instanceof com.google.gson.JsonArray list) {
                    list.forEach(items::add);
                } else if (root.getAsJsonObject().get("data") instanceof com.google.gson.JsonArray rows) {
                    rows.forEach(items::add);
                } else {
                    items.add(root);
                }
                for (JsonElement item : items) {
                    JsonObject body = item.getAsJsonObject().has("resource") ? item.getAsJsonObject().getAsJsonObject("resource")
                            : item.getAsJsonObject();
                    try {
                        ResourceSnapshot.of(body);
                        shapes.add(body);
                    } catch (IllegalArgumentException e) {
                        // related items and vaults are not resources
                    }
                }
            }
        }
        return shapes;
    }

    @Test
    void theStreamedEntryIsTheSharedReportShapeMemberForMember() throws IOException {
        List<Map<String, String>> settings = List.of(Map.of(),
                Map.of("BG_RULE_MODE_REDIS_001", "enforce", "BG_RULE_MODE_BATCH_001", "enforce", "BG_RULE_MODE_BPOOL_002", "enforce"),
                Map.of("BG_SCOPES", "/subscriptions/11111111-1111-1111-1111-111111111111"));
        int reports = 0;
        int plans = 0;
        for (Map<String, String> environment : settings) {
            Evaluator evaluator = new Evaluator(CATALOG, SettingsLoader.load(environment, CATALOG));
            for (JsonObject shape : shapes()) {
                for (String exemption : new String[] {null, "REDIS-006, BATCH-001, NOPE-1", ""}) {
                    JsonObject body = shape.deepCopy();
                    if (exemption != null) {
                        JsonObject tags = body.has("tags") && body.get("tags").isJsonObject() ? body.getAsJsonObject("tags")
                                : new JsonObject();
                        tags.addProperty("baseline-guard-exempt", exemption);
                        body.add("tags", tags);
                    }
                    ResourceReport report = evaluator.evaluate(ResourceSnapshot.of(body));
                    Evaluated evaluated = new Evaluated(report, Path.of("in", "export.json"), 42);
                    JsonObject expected = ReportJson.report(report);
                    expected.addProperty("file", evaluated.file().toString());
                    expected.addProperty("line", 42);
                    assertEquals(pretty(expected), streamed(evaluated), body.get("id").getAsString());
                    reports++;
                    plans += report.plan().steps().isEmpty() ? 0 : 1;
                }
            }
        }
        assertTrue(reports > 100 && plans > 10, reports + " reports, " + plans + " with a plan");
    }

    private static String pretty(JsonObject tree) {
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(tree);
    }

    private static String streamed(Evaluated evaluated) {
        StringWriter text = new StringWriter();
        JsonWriter json = new JsonWriter(text);
        json.setIndent("  ");
        json.setHtmlSafe(false);
        json.setSerializeNulls(true);
        ResourceJson.write(json, evaluated, null);
        return text.toString();
    }
}
