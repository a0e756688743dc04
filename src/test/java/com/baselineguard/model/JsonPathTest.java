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

    @Test
    void aMemberIsFoundByItsExactNameFirstThenIgnoringCaseAndByNameAsWell() {
        JsonObject object = JsonParser.parseString("{\"Sku\":1,\"sku\":2,\"Tier\":3}").getAsJsonObject();

        assertEquals(new JsonPrimitive(2), JsonPath.member(object, "sku"));
        assertEquals(new JsonPrimitive(3), JsonPath.member(object, "tier"));
        assertEquals("sku", JsonPath.memberName(object, "sku"));
        assertEquals("Tier", JsonPath.memberName(object, "TIER"));
        assertEquals(null, JsonPath.member(object, "name"));
        assertEquals(null, JsonPath.memberName(object, "name"));
    }
}
