package com.baselineguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the SARIF against the 2.1.0 specification's required properties and what GitHub code
 * scanning requires of an upload (docs.github.com "SARIF support for code scanning"): version,
 * runs[].tool.driver.name, rules with ids, results with ruleId, message.text and a physical
 * location whose region starts at line 1 or later.
 */
class SarifReportTest {

    @TempDir
    Path dir;

    @Test
    void failingRulesBecomeResultsLocatedAtTheResourceLine() throws IOException {
        Path file = dir.resolve("caches.json");
        Files.writeString(file, Fixtures.json("Microsoft.Cache/redis/2024-11-01_RedisCacheList.json").toString()
                .replace(",", ",\n"));
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "nope");
        var run = EvaluateCommandTest.run("evaluate", file.toString(), broken.toString(), "--format", "sarif");
        assertEquals(2, run.exit());
        JsonObject sarif = com.google.gson.JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals("2.1.0", sarif.get("version").getAsString());
        assertEquals("https://json.schemastore.org/sarif-2.1.0.json", sarif.get("$schema").getAsString());
        JsonObject sarifRun = sarif.getAsJsonArray("runs").get(0).getAsJsonObject();
        JsonObject driver = sarifRun.getAsJsonObject("tool").getAsJsonObject("driver");
        assertEquals("Baseline Guard", driver.get("name").getAsString());
        JsonArray rules = driver.getAsJsonArray("rules");
        Set<String> ruleIds = new HashSet<>();
        for (JsonElement rule : rules) {
            JsonObject r = rule.getAsJsonObject();
            assertTrue(ruleIds.add(r.get("id").getAsString()), "rule ids are unique");
            assertFalse(r.getAsJsonObject("shortDescription").get("text").getAsString().isBlank());
            String severity = r.getAsJsonObject("properties").get("security-severity").getAsString();
            double value = Double.parseDouble(severity);
            assertTrue(value >= 0 && value <= 10);
            assertTrue(Set.of("error", "warning", "note").contains(
                    r.getAsJsonObject("defaultConfiguration").get("level").getAsString()));
        }
        JsonArray results = sarifRun.getAsJsonArray("results");
        assertFalse(results.isEmpty());
        for (JsonElement element : results) {
            JsonObject result = element.getAsJsonObject();
            String ruleId = result.get("ruleId").getAsString();
            int index = result.get("ruleIndex").getAsInt();
            assertEquals(ruleId, rules.get(index).getAsJsonObject().get("id").getAsString());
            assertFalse(result.getAsJsonObject("message").get("text").getAsString().isBlank());
            JsonObject physical = result.getAsJsonArray("locations").get(0).getAsJsonObject()
                    .getAsJsonObject("physicalLocation");
            assertEquals("SRCROOT", physical.getAsJsonObject("artifactLocation").get("uriBaseId").getAsString());
            assertTrue(physical.getAsJsonObject("region").get("startLine").getAsInt() > 1,
                    "located at the resource's id, not the top of the file");
            assertEquals(64, result.getAsJsonObject("partialFingerprints").get("baselineGuard/v1").getAsString().length());
        }
        JsonObject invocation = sarifRun.getAsJsonArray("invocations").get(0).getAsJsonObject();
        assertFalse(invocation.get("executionSuccessful").getAsBoolean());
        assertEquals(1, invocation.getAsJsonArray("toolExecutionNotifications").size());
    }

    @Test
    void informationalFindingsAreNotesWhateverElseFails() throws IOException {
        Path file = dir.resolve("caches.json");
        Files.writeString(file, Fixtures.json("Microsoft.Cache/redis/2017-10-01_RedisCacheGet.json").toString());
        var run = EvaluateCommandTest.run("evaluate", file.toString(), "--format", "sarif", "--rules", "REDIS-006,REDIS-018");
        assertEquals(1, run.exit(), "REDIS-006 fails; REDIS-018 alone would not");
        JsonArray results = com.google.gson.JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("runs").get(0)
                .getAsJsonObject().getAsJsonArray("results");
        java.util.Map<String, String> levels = new java.util.TreeMap<>();
        results.forEach(r -> levels.put(r.getAsJsonObject().get("ruleId").getAsString(), r.getAsJsonObject().get("level").getAsString()));
        assertEquals(java.util.Map.of("REDIS-006", "error", "REDIS-018", "note"), levels);
    }
}
