package com.baselineguard.cli;

import static com.baselineguard.cli.EvaluateCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * evaluate as a stream: the input shapes (standard input, JSON Lines, folders), related items wherever
 * they are in the input, problems of one item against problems of a whole file, and the streamed
 * outputs (JSON with its summary last, JSON Lines).
 */
class EvaluateStreamingTest {

    /** The published 2024-11-01 cache and its firewall rule list (same cache1 id). */
    private static final String CACHE = "Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json";
    private static final String RULES = "Microsoft.Cache/redis/firewallRules/2024-11-01_RedisCacheFirewallRulesList.json";

    @TempDir
    Path dir;

    private static InputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private static String compact(String fixture) {
        return Fixtures.json(fixture).toString();
    }

    private static List<String> ruleItems(String fixture) {
        List<String> items = new ArrayList<>();
        Fixtures.json(fixture).getAsJsonObject().getAsJsonArray("value").forEach(e -> items.add(e.toString()));
        return items;
    }

    /** REDIS-004 needs the cache's firewall rules: not_evaluated without them, fail with the published two. */
    private static String redis004(EvaluateCommandTest.Run run) {
        JsonObject resource = run.json().getAsJsonArray("resources").get(0).getAsJsonObject();
        for (JsonElement finding : resource.getAsJsonArray("findings")) {
            if (finding.getAsJsonObject().get("ruleId").getAsString().equals("REDIS-004")) {
                return finding.getAsJsonObject().get("status").getAsString();
            }
        }
        throw new AssertionError("no REDIS-004 finding in " + resource);
    }

    @Test
    void theControlCaseHasNoFirewallRulesSoRedis004IsNotEvaluated() throws IOException {
        Path cache = write("cache.json", compact(CACHE));
        assertEquals("not_evaluated", redis004(run("evaluate", cache.toString(), "--format", "json", "--rules", "REDIS-004")));
    }

    @Test
    void relatedItemsAfterTheirResourceInTheSameArrayAreAttached() throws IOException {
        List<String> items = new ArrayList<>(List.of(compact(CACHE)));
        items.addAll(ruleItems(RULES));
        Path file = write("export.json", "[" + String.join(",\n", items) + "]");
        EvaluateCommandTest.Run run = run("evaluate", file.toString(), "--format", "json", "--rules", "REDIS-004");
        assertEquals("fail", redis004(run), run.out());
        assertEquals(1, run.json().getAsJsonObject("summary").get("resources").getAsInt());
    }

    @Test
    void relatedItemsInALaterFileOfAFolderAreAttached() throws IOException {
        write("in/a-cache.json", compact(CACHE));
        write("in/z-rules.json", compact(RULES));
        assertEquals("fail", redis004(run("evaluate", dir.resolve("in").toString(), "--format", "json", "--rules", "REDIS-004")));
    }

    @Test
    void relatedItemsOnALaterLineOfJsonLinesAreAttached() throws IOException {
        List<String> lines = new ArrayList<>(List.of(compact(CACHE)));
        lines.addAll(ruleItems(RULES));
        Path file = write("export.jsonl", String.join("\n", lines) + "\n");
        assertEquals("fail", redis004(run("evaluate", file.toString(), "--format", "json", "--rules", "REDIS-004")));
    }

    @Test
    void relatedItemsOnStandardInputReachAResourceInAFileAndTheOtherWayRound() throws IOException {
        Path cache = write("cache.json", compact(CACHE));
        assertEquals("fail", redis004(run(stdin(compact(RULES)), "evaluate", cache.toString(), "-", "--format", "json",
                "--rules", "REDIS-004")));
        Path rules = write("rules.json", compact(RULES));
        assertEquals("fail", redis004(run(stdin(compact(CACHE)), "evaluate", "-", rules.toString(), "--format", "json",
                "--rules", "REDIS-004")));
    }

    @Test
    void standardInputTakesAnyShapeAndIsShownAsDash() {
        String list = "{\"value\": [" + compact(CACHE) + "]}";
        EvaluateCommandTest.Run run = run(stdin(list), "evaluate", "-", "--format", "json", "--rules", "REDIS-006");
        assertEquals(0, run.exit(), run.err());
        JsonObject resource = run.json().getAsJsonArray("resources").get(0).getAsJsonObject();
        assertEquals("-", resource.get("file").getAsString());
        String lines = compact(CACHE).replace("cache1", "cache2") + "\n" + compact(CACHE) + "\n";
        EvaluateCommandTest.Run jsonl = run(stdin(lines), "evaluate", "-", "--format", "json", "--rules", "REDIS-006");
        assertEquals(2, jsonl.json().getAsJsonObject("summary").get("resources").getAsInt(), jsonl.err());
        assertEquals(List.of(1, 2), jsonl.json().getAsJsonArray("resources").asList().stream()
                .map(r -> r.getAsJsonObject().get("line").getAsInt()).toList(), "the line of each resource");
    }

    @Test
    void standardInputCanBeNamedOnlyOnce() {
        EvaluateCommandTest.Run run = run(stdin(compact(CACHE)), "evaluate", "-", "-", "--format", "json");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("error: -: standard input can be read only once"), run.err());
        assertEquals(1, run.json().getAsJsonObject("summary").get("resources").getAsInt());
    }

    @Test
    void aJsonFileOfOneObjectPerLineIsReadAsJsonLines() throws IOException {
        Path file = write("caches.json", compact(CACHE) + "\n" + compact(CACHE).replace("cache1", "cache2") + "\n");
        EvaluateCommandTest.Run run = run("evaluate", file.toString(), "--format", "json", "--rules", "REDIS-006");
        assertEquals(0, run.exit(), run.err());
        assertEquals(2, run.json().getAsJsonArray("resources").size());
    }

    @Test
    void aBadLineOfJsonLinesIsThatLinesErrorAndTheOtherLinesAreEvaluated() throws IOException {
        Path file = write("caches.jsonl", compact(CACHE) + "\n{\"id\": \n\n" + compact(CACHE).replace("cache1", "cache3") + "\n");
        EvaluateCommandTest.Run run = run("evaluate", file.toString(), "--format", "json", "--rules", "REDIS-006");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("caches.jsonl: line 2: not valid JSON"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertEquals(List.of(1, 4), run.json().getAsJsonArray("resources").asList().stream()
                .map(r -> r.getAsJsonObject().get("line").getAsInt()).toList());
    }

    @Test
    void aBadItemIsThatItemsErrorAndTheItemsAfterItAreStillEvaluated() throws IOException {
        String good = compact(CACHE);
        String duplicate = good.replace("cache1", "cache2").replaceFirst("\\{", "{\"name\": \"x\", ");
        String deep = "{\"id\": \"x\", \"a\": " + "[".repeat(200) + "]".repeat(200) + "}";
        Path file = write("export.json", "[" + good + ",\n" + duplicate + ",\n" + deep + ",\n" + good.replace("cache1", "cache4") + "]");
        EvaluateCommandTest.Run run = run("evaluate", file.toString(), "--format", "json", "--rules", "REDIS-006");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("export.json: item 2: not valid JSON: duplicate member \"name\""), run.err());
        assertTrue(run.err().contains("export.json: item 3: not valid JSON: nested deeper than 128 levels"), run.err());
        assertEquals(List.of("cache1", "cache4"), run.json().getAsJsonArray("resources").asList().stream()
                .map(r -> r.getAsJsonObject().get("id").getAsString().replaceAll(".*/", "")).toList());
    }

    @Test
    void aFileThatIsNotJsonToTheEndIsRefusedWholeNotHalfEvaluated() throws IOException {
        Path file = write("truncated.json", "[" + compact(CACHE) + ",\n" + compact(CACHE) + ",\n{\"id\": ");
        Path control = write("control.json", "[" + compact(CACHE) + ", {\"id\": \"a\u0001b\"}]");
        EvaluateCommandTest.Run run = run("evaluate", file.toString(), control.toString(), "--format", "json");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("truncated.json: not valid JSON"), run.err());
        assertTrue(run.err().contains("control.json: not valid JSON: Unescaped control characters"), run.err());
        assertEquals(0, run.json().getAsJsonArray("resources").size(), "nothing of a broken file is reported");
    }

    @Test
    void anItemWhoseTypeContradictsItsIdIsAnError() throws IOException {
        JsonObject rule = JsonParser.parseString(ruleItems(RULES).get(0)).getAsJsonObject();
        rule.addProperty("type", "Microsoft.Insights/diagnosticSettings");
        Path file = write("odd.json", "[" + compact(CACHE) + ", " + rule + "]");
        EvaluateCommandTest.Run run = run("evaluate", file.toString(), "--format", "json", "--rules", "REDIS-004");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("type Microsoft.Insights/diagnosticSettings does not match its id"), run.err());
        assertEquals("not_evaluated", redis004(run), "a contradictory item is attached nowhere");
    }

    @Test
    void jsonOutputIsOneDocumentWithTheSummaryLast() throws IOException {
        Path file = write("export.json", "[" + compact(CACHE) + "]");
        EvaluateCommandTest.Run run = run("evaluate", file.toString(), "--format", "json");
        assertEquals(List.of("schemaVersion", "tool", "resources", "ignored", "errors", "summary"),
                List.copyOf(run.json().keySet()));
    }

    @Test
    void jsonLinesOutputHasOneRecordPerLineAndTheSummaryLast() throws IOException {
        Path file = write("export.json", "[" + compact(CACHE) + ", " + compact(CACHE).replace("cache1", "cache2")
                + ", {\"id\": \"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/st\"}, 7]");
        EvaluateCommandTest.Run run = run("evaluate", file.toString(), "--format", "jsonl");
        assertEquals(2, run.exit());
        List<JsonObject> lines = run.out().lines().map(l -> JsonParser.parseString(l).getAsJsonObject()).toList();
        assertEquals(List.of("resource", "resource", "ignored", "error", "summary"),
                lines.stream().map(l -> l.get("record").getAsString()).toList());
        JsonObject resource = lines.get(0);
        assertTrue(resource.has("findings") && resource.has("plan") && resource.has("file") && resource.has("line"), resource.toString());
        JsonObject summary = lines.get(4);
        assertEquals(1, summary.get("schemaVersion").getAsInt());
        assertEquals(2, summary.get("resources").getAsInt());
        assertEquals(1, summary.get("ignored").getAsInt());
        assertEquals(1, summary.get("errors").getAsInt());
        assertEquals("item 4: expected a JSON object, found a number", lines.get(3).get("message").getAsString());
    }

    @Test
    void manyIgnoredItemsAndErrorsAreStillAllReported() throws IOException {
        // More than the spool keeps in memory: the rest waits on disk, in order.
        StringBuilder export = new StringBuilder("[");
        for (int i = 0; i < 2_500; i++) {
            export.append(i == 0 ? "" : ",").append("{\"id\": \"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/r/providers/Microsoft.Storage/")
                    .append("storageAccounts/st").append(i).append("\"}");
            export.append(",{\"name\": ").append(i).append('}');
        }
        Path file = write("subscription.json", export.append("]").toString());
        EvaluateCommandTest.Run run = run("evaluate", file.toString(), "--format", "json");
        assertEquals(2, run.exit());
        JsonArray ignored = run.json().getAsJsonArray("ignored");
        assertEquals(2_500, ignored.size());
        assertEquals(2_500, run.json().getAsJsonArray("errors").size());
        assertTrue(ignored.get(2_499).getAsJsonObject().get("id").getAsString().endsWith("/st2499"));
        EvaluateCommandTest.Run table = run("evaluate", file.toString());
        assertTrue(table.out().contains("ignored, not evaluated by Baseline Guard: 2500 Microsoft.Storage/storageAccounts"),
                table.out());
        assertFalse(table.out().contains("ignored /subscriptions"), "one line per type, not per item, unless --verbose");
        assertTrue(run("evaluate", file.toString(), "--verbose").out().contains("ignored /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/r"
                + "/providers/Microsoft.Storage/storageAccounts/st7 (type"));
    }

    @Test
    void theSummaryCountsEachStatusAndEachRule() throws IOException {
        Path file = write("caches.json", "[" + compact(CACHE) + ", " + compact("Microsoft.Cache/redis/2017-10-01_RedisCacheGet.json") + "]");
        EvaluateCommandTest.Run run = run("evaluate", file.toString(), "--format", "json", "--rules", "REDIS-006,REDIS-018");
        JsonObject summary = run.json().getAsJsonObject("summary");
        assertEquals(2, summary.get("resources").getAsInt());
        assertEquals(1, summary.get("nonCompliantResources").getAsInt(), "the 2017 cache has the non-TLS port on");
        assertEquals(1, summary.get("compliantResources").getAsInt());
        assertEquals(1, summary.get("fail").getAsInt());
        assertEquals(2, summary.get("info").getAsInt(), "REDIS-018 on both caches");
        JsonObject perRule = summary.getAsJsonObject("perRule");
        assertEquals(Map.of("fail", 1L, "pass", 1L), nonZero(perRule.getAsJsonObject("REDIS-006")));
        assertEquals(Map.of("info", 2L), nonZero(perRule.getAsJsonObject("REDIS-018")));
        EvaluateCommandTest.Run table = run("evaluate", file.toString(), "--rules", "REDIS-006,REDIS-018");
        List<String> lines = table.out().lines().toList();
        assertTrue(lines.contains("  REDIS-006     Redis.NonTlsPort                      1 fail, 1 pass"), table.out());
        assertTrue(lines.contains("  REDIS-018     Redis.Retirement                      2 info"), table.out());
        assertEquals("2 resources, 1 non-compliant, 1 compliant: 1 fail, 2 info, 1 pass, 0 not evaluated,"
                + " 0 not applicable; 1 fix requests planned", lines.get(lines.size() - 1));
    }

    @Test
    void quietLeavesOnlyErrorsOnStandardErrorAndVerboseSaysWhatWasRead() throws IOException {
        Path cache = write("cache.json", compact(CACHE));
        Path broken = write("broken.json", "[");
        EvaluateCommandTest.Run quiet = run("evaluate", cache.toString(), broken.toString(), "--quiet", "--format", "json");
        assertEquals(2, quiet.exit());
        assertEquals(List.of("error: " + broken + ": not valid JSON: End of input at line 1 column 2 path $[0]"),
                quiet.err().lines().toList());
        EvaluateCommandTest.Run verbose = run("-v", "evaluate", cache.toString(), broken.toString(), "--format", "json");
        assertEquals(2, verbose.exit());
        assertTrue(verbose.err().contains("first pass: 1 of 2 inputs usable, 0 related items found"), verbose.err());
        assertTrue(verbose.err().contains("read " + cache + ": 1 resources, 0 related items, 0 ignored, 0 errors"), verbose.err());
        assertTrue(verbose.err().contains("evaluated 1 resources in "), verbose.err());
        assertEquals(quiet.out(), verbose.out(), "standard output is the same either way");
        EvaluateCommandTest.Run both = run("evaluate", cache.toString(), "-q", "-v");
        assertEquals(2, both.exit());
        assertTrue(both.err().startsWith("error: --quiet and --verbose cannot be used together"), both.err());
        assertEquals("", both.out());
    }

    /**
     * A one-resource run ends before the first progress line is due, so this cannot tell whether the terminal
     * check holds; ConsoleTest.noProgressWhenStandardErrorIsNotATerminalOrWithQuiet does.
     */
    @Test
    void aShortEvaluateLeavesStandardErrorEmpty() throws IOException {
        Path file = write("export.json", "[" + compact(CACHE) + "]");
        EvaluateCommandTest.Run run = run("evaluate", file.toString());
        assertFalse(run.err().contains("\r"), "no carriage returns off a terminal");
        assertEquals("", run.err());
    }

    @Test
    void aResourceWhoseOnlyFailingRulesAreInformationalIsCompliantAndPrintsInfoNeverFail() throws IOException {
        Path file = write("cache.json", compact(CACHE));
        EvaluateCommandTest.Run table = run("evaluate", file.toString(), "--rules", "REDIS-006,REDIS-018");
        assertEquals(0, table.exit(), table.out());
        List<String> lines = table.out().lines().toList();
        assertTrue(lines.get(0).endsWith("  Microsoft.Cache/redis  COMPLIANT"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  INFO           REDIS-018 Redis.Retirement")), table.out());
        assertFalse(table.out().contains("FAIL"), table.out());
        JsonObject json = run("evaluate", file.toString(), "--rules", "REDIS-006,REDIS-018", "--format", "json").json();
        JsonObject resource = json.getAsJsonArray("resources").get(0).getAsJsonObject();
        assertTrue(resource.get("compliant").getAsBoolean());
        assertEquals(List.of("pass", "info"), resource.getAsJsonArray("findings").asList().stream()
                .map(f -> f.getAsJsonObject().get("status").getAsString()).toList());
        assertEquals(1, json.getAsJsonObject("summary").get("compliantResources").getAsInt());
        assertEquals(0, json.getAsJsonObject("summary").get("fail").getAsInt());
    }

    private static Map<String, Long> nonZero(JsonObject counts) {
        return counts.entrySet().stream().filter(e -> e.getValue().getAsLong() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().getAsLong()));
    }
}
