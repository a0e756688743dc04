package com.baselineguard.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ResourceIdTest {

    private static final String CACHE = "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1";

    @Test
    void parsesATopLevelResource() {
        ResourceId id = ResourceId.parse(CACHE);
        assertEquals("subid", id.subscriptionId());
        assertEquals("rg1", id.resourceGroup());
        assertEquals("Microsoft.Cache/Redis", id.type());
        assertEquals("cache1", id.name());
        assertTrue(id.parent().isEmpty());
    }

    @Test
    void parsesAChildResourceAndItsParent() {
        ResourceId rule = ResourceId.parse(CACHE + "/firewallRules/rule1");
        assertEquals("Microsoft.Cache/Redis/firewallRules", rule.type());
        assertEquals("rule1", rule.name());
        assertEquals(ResourceId.parse(CACHE), rule.parent().orElseThrow());
    }

    @Test
    void parsesAnExtensionResourceAndItsParent() {
        ResourceId setting = ResourceId.parse(CACHE + "/providers/Microsoft.Insights/diagnosticSettings/bg");
        assertEquals("Microsoft.Insights/diagnosticSettings", setting.type());
        assertEquals(CACHE, setting.parent().orElseThrow().toString());
    }

    @Test
    void comparesIgnoringCaseLikeArm() {
        assertEquals(ResourceId.parse(CACHE), ResourceId.parse(CACHE.toUpperCase()));
        assertEquals(ResourceId.parse(CACHE).hashCode(), ResourceId.parse(CACHE.toLowerCase()).hashCode());
        assertTrue(ResourceId.parse(CACHE).contains(ResourceId.parse(CACHE + "/firewallRules/x")));
        assertFalse(ResourceId.parse(CACHE).contains(ResourceId.parse(CACHE + "2")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1",
        "/subscriptions/subid",
        "/subscriptions/subid/resourceGroups/rg1",
        "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Cache/Redis",
        "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1/firewallRules",
        "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Cache/Redis/../cache1",
        "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1%2F..",
        "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Cache//Redis/cache1",
        "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1?api-version=1",
        "/subscriptions/subid/resourceGroups/rg1/nonsense/Microsoft.Cache/Redis/cache1",
        "/tenants/t/providers/Microsoft.Cache/Redis/cache1"
    })
    void refusesWhatIsNotAResourceId(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResourceId.parse(text));
        assertFalse(e.getMessage().isBlank());
    }
}
