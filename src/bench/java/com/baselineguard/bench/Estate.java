package com.baselineguard.bench;

import com.baselineguard.config.SettingsLoader;
import com.baselineguard.engine.Evaluator;
import com.baselineguard.engine.ResourceReport;
import com.baselineguard.engine.SweepTriage;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Catalog;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A generated estate: copies of real published shapes (the fixtures and the exported samples) under
 * new subscription, resource group and resource names, with their own tags. The engine itself sorts
 * the shapes under the default settings into three pools:
 * <ul>
 *   <li>settled: no plan, and a sweep decides every running rule from the Resource Graph row (it queues
 *       nothing; audit-only findings such as a pool's missing node-count limits are allowed);</li>
 *   <li>undecided by a row: no plan, but a rule needs a list no row carries, such as a public cache's
 *       firewall rules (a sweep queues it for a full read);</li>
 *   <li>non-compliant: a plan.</li>
 * </ul>
 * The command line reads nothing beyond its input, so for {@link #write} every shape without a plan is
 * compliant; sweeps use the settled pool as compliant.
 */
final class Estate {

    /** Two subscriptions, so per-subscription pacing shows. */
    static final List<String> SUBSCRIPTIONS = List.of("6b1d0c1e-0000-4000-8000-00000000b001",
            "6b1d0c1e-0000-4000-8000-00000000b002");

    private final List<JsonObject> settled = new ArrayList<>();
    private final List<JsonObject> undecided = new ArrayList<>();
    /** Settled and undecided: what the command line, reading nothing else, counts as compliant. */
    private final List<JsonObject> compliant = new ArrayList<>();
    private final List<JsonObject> nonCompliant = new ArrayList<>();

    Estate() {
        Catalog catalog = Catalog.standard();
        Evaluator evaluator = new Evaluator(catalog, SettingsLoader.load(Map.of(), catalog));
        SweepTriage triage = new SweepTriage(catalog, evaluator);
        List<JsonObject> shapes = new ArrayList<>();
        BenchFixtures.resourceTexts().forEach(t -> shapes.add(JsonParser.parseString(t).getAsJsonObject()));
        for (String sample : List.of("samples/redis/contoso-redis-prod.compliant.envelope.json",
                "samples/batch/contosobatchprod.compliant.envelope.json",
                "samples/pools/contosobatchprod.linux-hardened.pool.json",
                "samples/redis/contoso-redis-legacy.noncompliant.json",
                "samples/batch/contosobatchdev.noncompliant.json")) {
            JsonObject root = read(sample);
            shapes.add(root.has("resource") ? root.getAsJsonObject("resource") : root);
        }
        for (JsonObject shape : shapes) {
            ResourceReport report = evaluator.evaluate(ResourceSnapshot.of(shape));
            if (report.skipped().isPresent()) {
                continue;
            }
            if (!report.plan().isEmpty()) {
                nonCompliant.add(shape);
            } else {
                (triage.queues(report) ? undecided : settled).add(shape);
                compliant.add(shape);
            }
        }
        if (settled.isEmpty() || undecided.isEmpty() || nonCompliant.isEmpty()) {
            throw new IllegalStateException("the shapes give " + settled.size() + " settled, " + undecided.size()
                    + " undecided by a row and " + nonCompliant.size() + " non-compliant templates");
        }
    }

    int compliantShapes() {
        return compliant.size();
    }

    int nonCompliantShapes() {
        return nonCompliant.size();
    }

    int settledShapes() {
        return settled.size();
    }

    int undecidedShapes() {
        return undecided.size();
    }

    /**
     * {@code size} resources for a sweep; every {@code nonCompliantEvery}-th one (0: none) from a
     * non-compliant shape, the rest from settled ones, spread over {@link #SUBSCRIPTIONS} and 100 resource
     * groups.
     */
    List<JsonObject> generate(int size, int nonCompliantEvery) {
        return generate(size, nonCompliantEvery, nonCompliant);
    }

    /** As {@link #generate}, with every {@code every}-th resource from a shape a row cannot decide. */
    List<JsonObject> generateUndecided(int size, int every) {
        return generate(size, every, undecided);
    }

    private List<JsonObject> generate(int size, int every, List<JsonObject> others) {
        List<JsonObject> resources = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            resources.add(resource(i, every, others, settled));
        }
        return resources;
    }

    /**
     * Writes {@code size} resources as {@link #generate} makes them, one at a time, to {@code file} as an
     * ARM list response ({@code {"value": [...]}}, pretty-printed as {@code az rest} prints it), or as
     * JSON Lines (one compact resource per line) when {@code jsonLines}. Nothing is held but the
     * resource being written, so 100,000 resources cost the disk, not the benchmark's heap.
     */
    void write(Path file, int size, int nonCompliantEvery, boolean jsonLines) throws IOException {
        try (java.io.Writer out = Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8)) {
            if (jsonLines) {
                for (int i = 0; i < size; i++) {
                    out.write(resource(i, nonCompliantEvery, nonCompliant, compliant).toString());
                    out.write('\n');
                }
                return;
            }
            com.google.gson.stream.JsonWriter json = new com.google.gson.stream.JsonWriter(out);
            json.setIndent("  ");
            json.beginObject().name("value").beginArray();
            com.google.gson.Gson gson = new com.google.gson.Gson();
            for (int i = 0; i < size; i++) {
                gson.toJson(resource(i, nonCompliantEvery, nonCompliant, compliant), json);
            }
            json.endArray().endObject();
            json.flush();
        }
    }

    /** The {@code i}-th resource: every {@code every}-th one (0: none) from {@code others}, the rest from {@code base}. */
    private static JsonObject resource(int i, int every, List<JsonObject> others, List<JsonObject> base) {
        boolean other = every > 0 && i % every == every - 1;
        List<JsonObject> pool = other ? others : base;
        return rename(pool.get(i % pool.size()).deepCopy(), i);
    }

    private static JsonObject rename(JsonObject resource, int i) {
        String subscription = SUBSCRIPTIONS.get(i % SUBSCRIPTIONS.size());
        String group = "rg-estate-" + (i % 100);
        String type = resource.has("type") ? resource.get("type").getAsString()
                : typeOf(resource.get("id").getAsString());
        String lower = type.toLowerCase(Locale.ROOT);
        String name;
        String id;
        String prefix = "/subscriptions/" + subscription + "/resourceGroups/" + group + "/providers/";
        if (lower.equals("microsoft.batch/batchaccounts/pools")) {
            name = "pool" + i;
            id = prefix + "Microsoft.Batch/batchAccounts/acct" + (i % 500) + "/pools/" + name;
        } else if (lower.equals("microsoft.batch/batchaccounts")) {
            name = "acct" + i;
            id = prefix + "Microsoft.Batch/batchAccounts/" + name;
        } else {
            name = "cache-" + i;
            id = prefix + "Microsoft.Cache/Redis/" + name;
        }
        resource.addProperty("id", id);
        resource.addProperty("name", name);
        resource.addProperty("type", type);
        JsonObject tags = resource.has("tags") && resource.get("tags").isJsonObject()
                ? resource.getAsJsonObject("tags") : new JsonObject();
        tags.addProperty("estate-index", Integer.toString(i));
        tags.addProperty("cost-center", "cc-" + (i % 37));
        resource.add("tags", tags);
        return resource;
    }

    private static String typeOf(String id) {
        String lower = id.toLowerCase(Locale.ROOT);
        if (lower.contains("/pools/")) {
            return "Microsoft.Batch/batchAccounts/pools";
        }
        return lower.contains("microsoft.batch") ? "Microsoft.Batch/batchAccounts" : "Microsoft.Cache/Redis";
    }

    private static JsonObject read(String path) {
        try {
            return JsonParser.parseString(Files.readString(Path.of(path))).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
