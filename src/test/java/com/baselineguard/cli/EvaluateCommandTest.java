package com.baselineguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {

    @TempDir
    Path dir;

    /** What one CLI run printed and returned. */
    record Run(int exit, String out, String err) {
        JsonObject json() {
            return JsonParser.parseString(out).getAsJsonObject();
        }
    }

    static Run run(Map<String, String> env, String... args) {
        return run(env, InputStream.nullInputStream(), args);
    }

    /** A run whose {@code -} arguments read {@code stdin}. */
    static Run run(InputStream stdin, String... args) {
        return run(Map.of(), stdin, args);
    }

    private static Run run(Map<String, String> env, InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out), new PrintWriter(err), env, false, false, stdin);
        return new Run(exit, out.toString(), err.toString());
    }

    static Run run(String... args) {
        return run(Map.of(), args);
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private Path fixture(String name, String relative) throws IOException {
        return write(name, Fixtures.json(relative).toString());
    }

    private Path compliantCache() throws IOException {
        // The published 2024-11-01 cache with public access off: compliant on the rules asked for.
        JsonObject cache = Fixtures.json("Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json").getAsJsonObject();
        cache.getAsJsonObject("properties").addProperty("publicNetworkAccess", "Disabled");
        return write("ok.json", cache.toString());
    }

    @Test
    void exitsZeroWhenNothingFails() throws IOException {
        Run run = run("evaluate", compliantCache().toString(), "--rules", "REDIS-001,REDIS-006,REDIS-007", "--format", "json");
        assertEquals(0, run.exit(), run.err());
        JsonObject summary = run.json().getAsJsonObject("summary");
        assertEquals(1, summary.get("resources").getAsInt());
        assertEquals(3, summary.get("pass").getAsInt());
        assertEquals(0, summary.get("fail").getAsInt());
    }

    @Test
    void exitsOneWhenARuleFailsAndShowsThePlannedPatch() throws IOException {
        Path file = fixture("legacy.json", "Microsoft.Cache/redis/2017-10-01_RedisCacheGet.json");
        Run run = run("evaluate", file.toString(), "--format", "json", "--rules", "redis-006,REDIS-007");
        assertEquals(1, run.exit(), run.err());
        JsonObject resource = run.json().getAsJsonArray("resources").get(0).getAsJsonObject();
        assertEquals("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1", resource.get("id").getAsString());
        assertFalse(resource.get("compliant").getAsBoolean());
        JsonArray findings = resource.getAsJsonArray("findings");
        assertEquals("REDIS-006", findings.get(0).getAsJsonObject().get("ruleId").getAsString());
        assertEquals("fail", findings.get(0).getAsJsonObject().get("status").getAsString());
        assertEquals("planned", findings.get(0).getAsJsonObject().getAsJsonObject("fix").get("state").getAsString());
        JsonObject step = resource.getAsJsonArray("plan").get(0).getAsJsonObject();
        assertEquals("PATCH", step.get("method").getAsString());
        assertEquals(Fixtures.parse("{\"properties\":{\"enableNonSslPort\":false,\"minimumTlsVersion\":\"1.2\"}}"), step.get("body"));
        JsonObject change = step.getAsJsonArray("changes").get(0).getAsJsonObject();
        assertEquals(true, change.get("before").getAsBoolean());
        assertEquals(false, change.get("after").getAsBoolean());
    }

    @Test
    void readsListResponsesResourceGraphOutputArraysAndFolders() throws IOException {
        fixture("in/list.json", "Microsoft.Cache/redis/2024-11-01_RedisCacheList.json");
        JsonArray rows = new JsonArray();
        JsonObject row = Fixtures.json("Microsoft.Batch/batchAccounts/2025-06-01_BatchAccountGet.json").getAsJsonObject();
        row.addProperty("type", "microsoft.batch/batchaccounts");
        rows.add(row);
        JsonObject graph = new JsonObject();
        graph.addProperty("count", 1);
        graph.add("data", rows);
        write("in/graph.json", graph.toString());
        JsonArray array = new JsonArray();
        array.add(Fixtures.json("Microsoft.Cache/redis/2020-06-01_RedisCacheGet.json"));
        write("in/nested/array.json", array.toString());
        Run run = run("evaluate", dir.resolve("in").toString(), "--format", "json");
        assertTrue(run.exit() <= 1, run.err());
        List<String> types = run.json().getAsJsonArray("resources").asList().stream()
                .map(r -> r.getAsJsonObject().get("type").getAsString()).sorted().toList();
        assertEquals(List.of("Microsoft.Batch/batchAccounts", "Microsoft.Cache/redis", "Microsoft.Cache/redis"), types);
    }

    @Test
    void attachesDiagnosticSettingsAndFirewallRulesFoundBesideTheResource() throws IOException {
        fixture("in/cache.json", "Microsoft.Cache/redis/2020-06-01_RedisCacheGet.json");
        // A diagnostic setting of that cache, in the shape az monitor diagnostic-settings list prints.
        JsonObject setting = Fixtures.json("Microsoft.Insights/diagnosticSettings/2021-05-01-preview_getDiagnosticSetting.json")
                .getAsJsonObject();
        setting.addProperty("id", "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1"
                + "/providers/Microsoft.Insights/diagnosticSettings/mysetting");
        write("in/diag.json", "{\"value\": [" + setting + "]}");
        Run run = run("evaluate", dir.resolve("in").toString(), "--format", "json", "--rules", "REDIS-011");
        JsonObject finding = run.json().getAsJsonArray("resources").get(0).getAsJsonObject()
                .getAsJsonArray("findings").get(0).getAsJsonObject();
        assertEquals("pass", finding.get("status").getAsString(), finding.toString());
    }

    @Test
    void reportsNotEvaluatedWhenRelatedDataIsMissing() throws IOException {
        Path file = fixture("cache.json", "Microsoft.Cache/redis/2020-06-01_RedisCacheGet.json");
        Run run = run("evaluate", file.toString(), "--format", "json", "--rules", "REDIS-011");
        assertEquals(0, run.exit());
        JsonObject finding = run.json().getAsJsonArray("resources").get(0).getAsJsonObject()
                .getAsJsonArray("findings").get(0).getAsJsonObject();
        assertEquals("not_evaluated", finding.get("status").getAsString());
    }

    @Test
    void badFilesGiveExitTwoAndOneLineEachWhileTheOthersAreStillEvaluated() throws IOException {
        fixture("in/good.json", "Microsoft.Cache/redis/2017-10-01_RedisCacheGet.json");
        write("in/broken.json", "{\"id\": ");
        write("in/scalar.json", "42");
        write("in/noid.json", "[{\"name\": \"x\"}]");
        write("in/badid.json", "{\"id\": \"/subscriptions/s/resourceGroups/r/providers/Microsoft.Cache/Redis/../x\", \"type\": \"Microsoft.Cache/Redis\"}");
        Files.write(dir.resolve("in/binary.json"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        Run run = run("evaluate", dir.resolve("in").toString(), dir.resolve("missing.json").toString(), "--format", "json");
        assertEquals(2, run.exit());
        List<String> lines = run.err().lines().toList();
        assertEquals(6, lines.size(), run.err());
        assertTrue(lines.stream().allMatch(l -> l.startsWith("error: ")), run.err());
        assertTrue(run.err().contains("broken.json: not valid JSON"), run.err());
        assertTrue(run.err().contains("scalar.json: expected an ARM resource"), run.err());
        assertTrue(run.err().contains("noid.json: item 1: has no \"id\""), run.err());
        assertTrue(run.err().contains("badid.json: line 1: resource id has an invalid segment '..'"), run.err());
        assertTrue(run.err().contains("binary.json: not UTF-8 text"), run.err());
        assertTrue(run.err().contains("missing.json: no such file or folder"), run.err());
        assertEquals(1, run.json().getAsJsonArray("resources").size(), "the good file is still evaluated");
        assertEquals(6, run.json().getAsJsonArray("errors").size());
    }

    @Test
    void unsupportedTypesAreIgnoredNotErrors() throws IOException {
        write("vault.json", Fixtures.json("Microsoft.KeyVault/vaults/2024-11-01_getVault.json").toString()
                .replace("Microsoft.KeyVault/vaults", "Microsoft.Storage/storageAccounts"));
        Run run = run("evaluate", dir.resolve("vault.json").toString(), "--format", "json");
        assertEquals(0, run.exit(), run.err());
        assertEquals(1, run.json().getAsJsonArray("ignored").size());
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        assertEquals(2, run().exit());
        assertEquals(2, run("evaluate").exit());
        assertEquals(2, run("evaluate", compliantCache().toString(), "--format", "xml").exit());
        Run unknownRule = run("evaluate", compliantCache().toString(), "--rules", "REDIS-999");
        assertEquals(2, unknownRule.exit());
        assertTrue(unknownRule.err().contains("no rule REDIS-999"), unknownRule.err());
        assertEquals(2, run("frobnicate").exit());
    }

    @Test
    void invalidSettingsExitTwoBeforeReadingAnything() throws IOException {
        Run run = run(Map.of("BG_RULE_MODE_REDIS_006", "sometimes"), "evaluate", compliantCache().toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("BG_RULE_MODE_REDIS_006: 'sometimes' is not a mode"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void tableIsTheDefaultAndHasNoColourOffATerminal() throws IOException {
        Path file = fixture("legacy.json", "Microsoft.Cache/redis/2017-10-01_RedisCacheGet.json");
        Run run = run("evaluate", file.toString(), "--rules", "REDIS-006");
        assertEquals(1, run.exit());
        assertTrue(run.out().contains("FAIL"), run.out());
        assertTrue(run.out().contains("properties.enableNonSslPort: true -> false  (REDIS-006)"), run.out());
        assertTrue(run.out().contains("1 resources, 1 non-compliant"), run.out());
        assertFalse(run.out().contains("\u001B["), "no ANSI codes when not on a terminal");
    }

    @Test
    void helpAndVersionExitZero() {
        assertEquals(0, run("--help").exit());
        assertEquals(0, run("evaluate", "--help").exit());
        Run version = run("--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().startsWith("baseline-guard "), version.out());
    }

    static JsonElement parse(String s) {
        return JsonParser.parseString(s);
    }

    @Test
    void evaluatesAnExportedRedisEnterpriseClusterWithItsDatabaseAndAttachesTheirChildren() throws IOException {
        // A folder as an engineer would export it: the published cluster with TLS 1.0 and public access on, its
        // database list, the private endpoint connection child and a diagnostic setting of the database.
        JsonObject cluster = Fixtures.json("Microsoft.Cache/redisEnterprise/2025-07-01_RedisEnterpriseUpdate.json")
                .getAsJsonObject();
        cluster.getAsJsonObject("properties").addProperty("minimumTlsVersion", "1.0");
        write("export/cluster.json", cluster.toString());
        fixture("export/databases.json",
                "Microsoft.Cache/redisEnterprise/databases/2025-07-01_RedisEnterpriseDatabasesListByCluster.json");
        fixture("export/pec.json", "Microsoft.Cache/redisEnterprise/privateEndpointConnections/"
                + "2025-07-01_RedisEnterpriseGetPrivateEndpointConnection.json");
        JsonObject setting = Fixtures.json("Microsoft.Insights/diagnosticSettings/2021-05-01-preview_getDiagnosticSetting.json")
                .getAsJsonObject();
        String database = "/subscriptions/e7b5a9d2-6b6a-4d2f-9143-20d9a10f5b8f/resourceGroups/rg1/providers/Microsoft.Cache"
                + "/redisEnterprise/cache1/databases/default";
        setting.addProperty("id", database + "/providers/Microsoft.Insights/diagnosticSettings/mysetting");
        write("export/settings.json", "{\"value\":[" + setting + "]}");

        Run run = run("evaluate", dir.resolve("export").toString(), "--format", "json");
        assertEquals(1, run.exit(), run.err());
        assertEquals("", run.err());
        JsonArray resources = run.json().getAsJsonArray("resources");
        assertEquals(2, resources.size());
        Map<String, String> statuses = new java.util.TreeMap<>();
        JsonArray plan = null;
        for (JsonElement resource : resources) {
            for (JsonElement finding : resource.getAsJsonObject().getAsJsonArray("findings")) {
                statuses.put(finding.getAsJsonObject().get("ruleId").getAsString(),
                        finding.getAsJsonObject().get("status").getAsString());
            }
            if (resource.getAsJsonObject().get("type").getAsString().equals("Microsoft.Cache/redisEnterprise")) {
                plan = resource.getAsJsonObject().getAsJsonArray("plan");
            }
        }
        // REDISENT-010 (deprecated SKU) is guidance, not a control: info, never fail.
        assertEquals(Map.of("REDISENT-001", "fail", "REDISENT-002", "pass", "REDISENT-003", "fail",
                "REDISENT-004", "pass", "REDISENT-005", "pass", "REDISENT-006", "fail", "REDISENT-007", "pass",
                "REDISENT-008", "pass", "REDISENT-009", "pass", "REDISENT-010", "info"), statuses);
        // Default modes: only the safe TLS fix is planned; public access stays audit-only.
        assertEquals(1, plan.size(), plan.toString());
        assertEquals(Fixtures.parse("{\"properties\":{\"minimumTlsVersion\":\"1.2\"}}"),
                plan.get(0).getAsJsonObject().get("body"));
    }
}
