package com.baselineguard.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResourceSnapshotTest {

    private static final String CACHE = "{\"id\":\"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg"
            + "/providers/Microsoft.Cache/redis/cache1\",\"type\":\"Microsoft.Cache/Redis\",\"properties\":{\"sku\":{\"name\":\"Basic\"}}}";

    @Test
    void aDerivedFactIsWorkedOutOncePerSnapshotAndAgainForAChangedOne() {
        AtomicInteger runs = new AtomicInteger();
        ResourceSnapshot.Derived<String> sku = ResourceSnapshot.Derived.of(s -> {
            runs.incrementAndGet();
            return s.string("properties.sku.name").orElse("none");
        });
        ResourceSnapshot snapshot = ResourceSnapshot.of(JsonParser.parseString(CACHE).getAsJsonObject());

        assertEquals("Basic", snapshot.derive(sku));
        assertEquals("Basic", snapshot.derive(sku));
        assertEquals(1, runs.get());

        JsonObject premium = snapshot.resource().deepCopy();
        premium.getAsJsonObject("properties").getAsJsonObject("sku").addProperty("name", "Premium");
        assertEquals("Premium", snapshot.withResource(premium).derive(sku));
        assertEquals("Basic", snapshot.withRelated(RelatedKind.FIREWALL_RULES, List.of()).derive(sku));
        assertEquals(3, runs.get());
    }

    @Test
    void aNullFactIsRememberedToo() {
        AtomicInteger runs = new AtomicInteger();
        ResourceSnapshot.Derived<String> nothing = ResourceSnapshot.Derived.of(s -> {
            runs.incrementAndGet();
            return null;
        });
        ResourceSnapshot snapshot = ResourceSnapshot.of(JsonParser.parseString(CACHE).getAsJsonObject());

        snapshot.derive(nothing);
        snapshot.derive(nothing);
        assertEquals(1, runs.get());
    }
}
