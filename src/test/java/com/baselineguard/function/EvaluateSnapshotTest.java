package com.baselineguard.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.config.SettingsLoader;
import com.baselineguard.engine.Evaluator;
import com.baselineguard.rules.Catalog;
import com.baselineguard.testing.Fixtures;
import com.baselineguard.testing.FunctionHarness;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluateSnapshotTest {

    private final Catalog catalog = Catalog.standard();
    private final EvaluateSnapshot function = new EvaluateSnapshot(
            () -> new Evaluator(catalog, SettingsLoader.load(Map.of(), catalog)));

    @Test
    void evaluatesAPostedResource() {
        HttpResponseMessage response = post(Fixtures.json("Microsoft.Cache/redis/2017-10-01_RedisCacheGet.json").toString());
        assertEquals(HttpStatus.OK, response.getStatus());
        JsonObject body = JsonParser.parseString((String) response.getBody()).getAsJsonObject();
        assertEquals("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1", body.get("id").getAsString());
        assertTrue(body.getAsJsonArray("plan").size() > 0);
    }

    @Test
    void refusesBadBodiesWithAJsonError() {
        for (String bad : new String[] {"", "not json", "[]", "{\"id\": 1}", "{\"name\": \"x\"}",
                "{\"id\":\"/subscriptions/s/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/a\"}",
                "[".repeat(100_000)}) {
            HttpResponseMessage response = post(bad);
            assertEquals(HttpStatus.BAD_REQUEST, response.getStatus(), bad.length() > 50 ? "deep nesting" : bad);
            JsonObject error = JsonParser.parseString((String) response.getBody()).getAsJsonObject();
            assertTrue(error.get("error").getAsString().length() > 5, error.toString());
        }
    }

    private HttpResponseMessage post(String body) {
        return function.run(FunctionHarness.request(body, Map.of()), new FunctionHarness.Context().context);
    }
}
