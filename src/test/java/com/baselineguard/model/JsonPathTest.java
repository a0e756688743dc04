package com.baselineguard.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import org.junit.jupiter.api.Test;

class JsonPathTest {

    private final JsonObject resource = JsonParser.parseString(
            "{\"properties\":{\"RedisConfiguration\":{\"aad-enabled\":\"True\"},\"subnetId\":null}}").getAsJsonObject();

    @Test
    void readsNestedKeysIgnoringCase() {
        assertEquals("True", JsonPath.of("properties.redisConfiguration.aad-enabled").readString(resource).orElseThrow());
    }

    @Test
    void treatsMissingAndNullAsNotSet() {
        assertTrue(JsonPath.of("properties.subnetId").read(resource).isEmpty());
        assertTrue(JsonPath.of("properties.missing.deeper").read(resource).isEmpty());
        assertTrue(JsonPath.of("properties.redisConfiguration.aad-enabled.x").read(resource).isEmpty());
    }

    @Test
    void wrapsAValueIntoAPatchBody() {
        assertEquals(JsonParser.parseString("{\"properties\":{\"minimumTlsVersion\":\"1.2\"}}"),
                JsonPath.of("properties.minimumTlsVersion").wrap(new JsonPrimitive("1.2")));
    }
}
