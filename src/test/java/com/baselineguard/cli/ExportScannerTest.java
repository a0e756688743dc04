package com.baselineguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.baselineguard.testing.Fixtures;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte scanner is an optimisation of the first pass with Gson as the reference: wherever it
 * vouches for an input, Gson must accept that input too and find the same related items; where it is
 * not sure, Gson reads the input instead. Checked on the published shapes (where it must vouch, or
 * the fast path would be dead code) and on thousands of broken variants of them.
 */
class ExportScannerTest {

    @TempDir
    Path dir;

    private int files;

    /** The published shapes: resources, related items of every kind, envelopes, lists, Resource Graph output. */
    private static List<String> realShapes() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String fixture : List.of("Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json",
                "Microsoft.Cache/redis/2024-11-01_RedisCacheList.json",
                "Microsoft.Cache/redis/firewallRules/2024-11-01_RedisCacheFirewallRulesList.json",
                "Microsoft.Cache/redis/privateEndpointConnections/2024-11-01_RedisCacheListPrivateEndpointConnections.json",
                "Microsoft.Batch/batchAccounts/certificates/2024-07-01_CertificateList.json",
                "Microsoft.Batch/batchAccounts/2025-06-01_BatchAccountGet.json",
                "Microsoft.Batch/batchAccounts/pools/2025-06-01_PoolList.json",
                "Microsoft.KeyVault/vaults/2024-11-01_getVault.json",
                "Microsoft.Insights/diagnosticSettings/2021-05-01-preview_listDiagnosticSettings.json")) {
            texts.add(Fixtures.text(fixture));
        }
        try (Stream<Path> samples = Files.walk(Path.of("samples"))) {
            for (Path sample : samples.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                texts.add(Files.readString(sample));
            }
        }
        // A mixed export: resources and related items of several kinds in one array, pretty and compact.
        JsonArray mixed = new JsonArray();
        for (String text : texts.subList(0, 9)) {
            JsonElement root = JsonParser.parseString(text);
            if (root.isJsonObject() && root.getAsJsonObject().get("value") instanceof JsonArray items) {
                items.forEach(mixed::add);
            } else {
                mixed.add(root);
            }
        }
        texts.add(new GsonBuilder().setPrettyPrinting().create().toJson(mixed));
        texts.add(mixed.toString());
        return texts;
    }

    /** The same items one per line. */
    private static String asJsonLines(String text) {
        JsonElement root = JsonParser.parseString(text);
        List<JsonElement> items = new ArrayList<>();
        if (root.isJsonArray()) {
            root.getAsJsonArray().forEach(items::add);
        } else if (root.getAsJsonObject().get("value") instanceof JsonArray list) {
            list.forEach(items::add);
        } else if (root.getAsJsonObject().get("data") instanceof JsonArray rows) {
            rows.forEach(items::add);
        } else {
            items.add(root);
        }
        StringBuilder lines = new StringBuilder();
        items.forEach(item -> lines.append(item).append('\n'));
        return lines.toString();
    }

    /** What the scanner made of an input: the related items, or empty when it left the input to Gson. */
    private Optional<List<String>> byScanner(ExportInputs.Input input, boolean jsonLines) throws Exception {
        RelatedIndex index = new RelatedIndex();
        try {
            index.fromScan(input, jsonLines, ExportScanner.scan(input.file(), jsonLines));
        } catch (ExportScanner.NotSure e) {
            return Optional.empty();
        }
        return Optional.of(index.contents());
    }

    /** What Gson made of it: the related items, or empty when the input is unusable. */
    private static Optional<List<String>> byGson(ExportInputs.Input input, boolean jsonLines) {
        RelatedIndex index = new RelatedIndex();
        try {
            index.fromWalk(input, jsonLines);
        } catch (ExportDocument.Unusable e) {
            return Optional.empty();
        }
        return Optional.of(index.contents());
    }

    private ExportInputs.Input input(byte[] bytes, String extension) throws IOException {
        Path file = dir.resolve("input" + (files++) + extension);
        Files.write(file, bytes);
        return new ExportInputs.Input(file, file);
    }

    @Test
    void onThePublishedShapesTheScannerVouchesAndFindsWhatGsonFinds() throws Exception {
        int related = 0;
        for (String text : realShapes()) {
            for (boolean jsonLines : List.of(false, true)) {
                String content = jsonLines ? asJsonLines(text) : text;
                ExportInputs.Input input = input(content.getBytes(StandardCharsets.UTF_8), jsonLines ? ".jsonl" : ".json");
                Optional<List<String>> scanned = byScanner(input, jsonLines);
                assertTrue(scanned.isPresent(), "the fast path must take the published shapes: " + content.substring(0, 80));
                assertEquals(byGson(input, jsonLines), scanned);
                related += scanned.get().size();
            }
        }
        assertTrue(related > 20, "the shapes hold related items of every kind: " + related);
    }

    @Test
    void onBrokenVariantsTheScannerNeverVouchesForWhatGsonRefuses() throws Exception {
        List<String> shapes = realShapes();
        Random random = new Random(Long.getLong("bg.seed", 20261206L));
        byte[] interesting = "{}[],:\"\\0-e.tnf \n\r\u0001a/u".getBytes(StandardCharsets.ISO_8859_1);
        int vouched = 0;
        int refusedByGson = 0;
        for (int i = 0; i < Integer.getInteger("bg.mutants", 1_500); i++) {
            boolean jsonLines = i % 3 == 0;
            String shape = shapes.get(random.nextInt(shapes.size()));
            byte[] bytes = (jsonLines ? asJsonLines(shape) : shape).getBytes(StandardCharsets.UTF_8);
            bytes = mutate(bytes, random, interesting);
            ExportInputs.Input input = input(bytes, jsonLines ? ".jsonl" : ".json");
            Optional<List<String>> gson = byGson(input, jsonLines);
            Optional<List<String>> scanned;
            try {
                scanned = byScanner(input, jsonLines);
            } catch (ExportDocument.Unusable e) {
                assertTrue(gson.isEmpty(), "the scanner refused an input Gson reads: " + e.getMessage());
                continue;
            }
            if (gson.isEmpty()) {
                refusedByGson++;
                assertTrue(scanned.isEmpty(), "the scanner vouched for what Gson refuses: "
                        + new String(bytes, StandardCharsets.UTF_8));
            }
            if (scanned.isPresent()) {
                vouched++;
                if (gson.isPresent()) {
                    assertEquals(gson.get(), scanned.get(), new String(bytes, StandardCharsets.UTF_8));
                }
            }
        }
        assertTrue(vouched > 300, "the fast path takes most harmless changes: " + vouched);
        assertTrue(refusedByGson > 300, "and the variants include plenty Gson refuses: " + refusedByGson);
    }

    private static byte[] mutate(byte[] bytes, Random random, byte[] interesting) {
        int at = random.nextInt(bytes.length);
        byte b = interesting[random.nextInt(interesting.length)];
        return switch (random.nextInt(5)) {
            case 0 -> {
                byte[] copy = bytes.clone();
                copy[at] = b;
                yield copy;
            }
            case 1 -> concat(bytes, 0, at, new byte[] {b}, bytes, at, bytes.length);
            case 2 -> concat(bytes, 0, at, new byte[0], bytes, Math.min(bytes.length, at + 1), bytes.length);
            case 3 -> java.util.Arrays.copyOf(bytes, at);
            default -> {
                byte[] copy = bytes.clone();
                copy[at] = (byte) (0x80 + random.nextInt(0x80)); // a stray byte that is not UTF-8 on its own
                yield copy;
            }
        };
    }

    private static byte[] concat(byte[] a, int from, int to, byte[] middle, byte[] b, int bFrom, int bTo) {
        byte[] out = new byte[(to - from) + middle.length + (bTo - bFrom)];
        System.arraycopy(a, from, out, 0, to - from);
        System.arraycopy(middle, 0, out, to - from, middle.length);
        System.arraycopy(b, bFrom, out, to - from + middle.length, bTo - bFrom);
        return out;
    }

    @Test
    void itemsWhoseKindItCannotReadPlainlyAreParsedInFull() throws Exception {
        String rule = JsonParser.parseString(Fixtures.text("Microsoft.Cache/redis/firewallRules/2024-11-01_RedisCacheFirewallRulesList.json"))
                .getAsJsonObject().getAsJsonArray("value").get(0).toString();
        List<String> odd = List.of(
                // escaped slashes in the id, as some JSON writers emit them
                "[" + rule.replace("/", "\\/") + "]",
                // an escaped member name that is "id"
                "[" + rule.replaceFirst("\"id\"", "\"\\\\u0069d\"") + "]",
                // a byte order mark, and the type before the id
                "\uFEFF[" + rule.replaceFirst("\\{", "{\"type\": \"Microsoft.Cache/Redis/firewallRules\", \"x\": 1, ")
                        .replaceFirst(",\"type\":\"Microsoft.Cache/Redis/firewallRules\"", "") + "]",
                // an envelope around a related item
                "[{\"resource\": " + rule + ", \"related\": {}}]",
                // a document that is the rule alone
                rule);
        for (String text : odd) {
            ExportInputs.Input input = input(text.getBytes(StandardCharsets.UTF_8), ".json");
            Optional<List<String>> gson = byGson(input, false);
            assertTrue(gson.isPresent(), text);
            assertEquals(1, gson.get().size(), "Gson finds the rule in " + text);
            Optional<List<String>> scanned = byScanner(input, false);
            assertTrue(scanned.isPresent(), "the scanner vouches for " + text);
            assertEquals(gson, scanned, text);
        }
    }

    @Test
    void shapesDecidedByRootMemberNamesAreLeftToGson() throws Exception {
        for (String text : List.of("{\"value\": [], \"value\": []}", "{\"value\": [], \"data\": []}", "{\"\\u0076alue\": []}",
                "42", "[1] [2]", "", "[01]", "[1.]", "{\"a\":1,}", "[\"\\'\"]", "[" + "[".repeat(1_200) + "]".repeat(1_200) + "]")) {
            ExportInputs.Input input = input(text.getBytes(StandardCharsets.UTF_8), ".json");
            assertThrows(ExportScanner.NotSure.class, () -> ExportScanner.scan(input.file(), false), text);
        }
    }

    @Test
    void aLineItCannotVouchForIsLeftToGsonAndTheOtherLinesAreScanned() throws Exception {
        String rules = asJsonLines(Fixtures.text("Microsoft.Cache/redis/firewallRules/2024-11-01_RedisCacheFirewallRulesList.json"));
        // Line 1 plain, line 2 broken, line 3 with an escaped member name (a line's own members decide its shape).
        String[] two = rules.split("\n");
        String lines = two[0] + "\n{\"broken\": \n" + two[1].replaceFirst("\"id\"", "\"\\\\u0069d\"") + "\n";
        ExportInputs.Input input = input(lines.getBytes(StandardCharsets.UTF_8), ".jsonl");
        ExportScanner.Result scan = ExportScanner.scan(input.file(), true);
        assertEquals(List.of(2, 3), scan.linesForGson().stream().map(ExportScanner.Range::jsonLine).toList());
        assertEquals(List.of(1), scan.candidates().stream().map(ExportScanner.Range::jsonLine).toList());
        Optional<List<String>> scanned = byScanner(input, true);
        assertEquals(byGson(input, true), scanned);
        assertEquals(2, scanned.get().size(), "both rules, the escaped one through the full parse");
    }

    @Test
    void aLineLeftToGsonAfterItsItemWasNotedCountsOnce() throws Exception {
        // The vault is noted, then a later item of the same line is nested deeper than the scanner follows.
        String vault = Fixtures.json("Microsoft.KeyVault/vaults/2024-11-01_getVault.json").toString();
        String line = "[" + vault + ", " + "[".repeat(1_500) + "]".repeat(1_500) + "]";
        ExportInputs.Input input = input((line + "\n").getBytes(StandardCharsets.UTF_8), ".jsonl");
        Optional<List<String>> scanned = byScanner(input, true);
        assertEquals(1, scanned.get().size());
        assertEquals(byGson(input, true), scanned);
    }

    @Test
    void aNonUtf8InputIsNeverVouchedFor() throws Exception {
        byte[] latin1 = "[{\"id\": \"/subscriptions/s/resourceGroups/r/providers/Microsoft.Cache/Redis/caf\u00e9\"}]"
                .getBytes(StandardCharsets.ISO_8859_1);
        ExportInputs.Input input = input(latin1, ".json");
        assertThrows(ExportScanner.NotSure.class, () -> ExportScanner.scan(input.file(), false));
        try {
            ExportDocument.walk(input, false, new RelatedIndex().new Collector());
            fail("Gson's walk refuses it too");
        } catch (ExportDocument.Unusable e) {
            assertEquals("not UTF-8 text", e.getMessage());
        }
    }

    @Test
    void candidatesCarryTheirByteRange() throws Exception {
        JsonObject vault = Fixtures.json("Microsoft.KeyVault/vaults/2024-11-01_getVault.json").getAsJsonObject();
        String text = "[" + Fixtures.json("Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json") + ",\n " + vault + "]";
        ExportInputs.Input input = input(text.getBytes(StandardCharsets.UTF_8), ".json");
        ExportScanner.Result scan = ExportScanner.scan(input.file(), false);
        assertEquals(1, scan.candidates().size(), "the cache is no candidate; the vault is");
        ExportScanner.Range range = scan.candidates().get(0);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String slice = new String(bytes, (int) range.start(), (int) (range.end() - range.start()), StandardCharsets.UTF_8);
        assertEquals(vault, JsonParser.parseString(slice));
    }
}
