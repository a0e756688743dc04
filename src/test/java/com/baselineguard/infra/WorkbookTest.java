package com.baselineguard.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.Outcome;
import com.baselineguard.testing.Fixtures;
import com.baselineguard.testing.LiveHarness;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The compliance workbook queries only fields the outcome record really has: every {@code o.x}
 * (record), {@code f.x} (finding) and {@code a.x} (action) it reads is taken from a real record
 * produced against the ARM stand-in.
 */
class WorkbookTest {

    private static final Path WORKBOOK = Path.of("infra/workbook/baseline-guard.workbook.json");

    @Test
    void everyFieldTheWorkbookReadsExistsInTheOutcomeRecord() throws IOException {
        JsonObject record;
        try (LiveHarness live = LiveHarness.start()) {
            live.store(Fixtures.json("Microsoft.Cache/redis/2024-11-01_RedisCacheUpdate.json").getAsJsonObject());
            Outcome outcome = live.remediate(
                    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1", false);
            record = outcome.toJson();
        }
        JsonObject finding = record.getAsJsonArray("findings").get(0).getAsJsonObject();
        JsonObject action = record.getAsJsonArray("actions").get(0).getAsJsonObject();

        JsonObject workbook = JsonParser.parseString(Files.readString(WORKBOOK)).getAsJsonObject();
        assertEquals("Notebook/1.0", workbook.get("version").getAsString());
        Set<String> queries = new HashSet<>();
        for (JsonElement item : workbook.getAsJsonArray("items")) {
            JsonObject content = item.getAsJsonObject().getAsJsonObject("content");
            if (content.has("query")) {
                queries.add(content.get("query").getAsString());
            }
        }
        assertTrue(queries.size() >= 5, "results over time, per rule, per subscription, per resource, latest remediations");
        for (String query : queries) {
            assertTrue(query.contains("startswith \"" + Outcome.LOG_PREFIX + "\""), query);
            assertTrue(query.contains("substring(message, " + Outcome.LOG_PREFIX.length() + ")"), query);
            assertFields(query, "o", record);
            assertFields(query, "f", finding);
            assertFields(query, "a", action);
        }
    }

    private static void assertFields(String query, String alias, JsonObject real) {
        Matcher m = Pattern.compile("\\b" + alias + "\\.([A-Za-z]+)").matcher(query);
        Set<String> used = new TreeSet<>();
        while (m.find()) {
            used.add(m.group(1));
        }
        for (String field : used) {
            assertTrue(real.has(field), alias + "." + field + " is not a field of the outcome record: " + real.keySet());
        }
        if (alias.equals("o")) {
            assertFalse(used.isEmpty());
        }
    }
}
