package com.baselineguard.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.azure.core.util.BinaryData;
import com.azure.core.util.serializer.JsonSerializer;
import com.azure.core.util.serializer.JsonSerializerProviders;
import com.azure.core.util.serializer.TypeReference;
import com.azure.security.keyvault.keys.models.JsonWebKey;
import com.azure.security.keyvault.keys.models.KeyType;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeferredJsonSerializerProviderTest {

    @Test
    void azureCoreTakesItAsTheDefaultJsonSerializer() {
        JsonSerializer serializer = JsonSerializerProviders.createInstance(false);
        assertEquals(DeferredJsonSerializerProvider.class, serializer.getClass().getEnclosingClass());
    }

    @Test
    void binaryDataRoundTripsObjectsThroughIt() {
        BinaryData data = BinaryData.fromObject(Map.of("name", "cache1", "tags", List.of("a", "b")));

        assertEquals(JsonParser.parseString("{\"name\":\"cache1\",\"tags\":[\"a\",\"b\"]}"),
                JsonParser.parseString(data.toString()));
        Map<String, Object> back = data.toObject(new TypeReference<Map<String, Object>>() { });
        assertEquals(List.of("a", "b"), back.get("tags"));
    }

    @Test
    void keyVaultModelsStillReadAsJacksonReadsThem() {
        // The Key Vault keys client reads its models through this default; its enum-like types need Jackson's
        // annotations (a Gson stand-in failed exactly here).
        JsonWebKey key = BinaryData.fromString("{\"kid\":\"https://v.vault.azure.net/keys/k/1\",\"kty\":\"RSA\","
                + "\"n\":\"AQAB\",\"e\":\"AQAB\"}").toObject(JsonWebKey.class);

        assertEquals(KeyType.RSA, key.getKeyType());
    }
}
