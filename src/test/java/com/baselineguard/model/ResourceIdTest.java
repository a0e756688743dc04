package com.baselineguard.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ResourceIdTest {

    private static final String CACHE = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1";

    @Test
    void parsesATopLevelResource() {
        ResourceId id = ResourceId.parse(CACHE);
        assertEquals("00000000-0000-0000-0000-000000000000", id.subscriptionId());
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

    private static final String SUB = "/subscriptions/00000000-0000-0000-0000-000000000000";
    private static final String RG = SUB + "/resourceGroups/rg1/providers/";

    @ParameterizedTest
    @ValueSource(strings = {
        // Published ids (REST API examples) and the edges of each rule.
        RG + "Microsoft.Batch/batchAccounts/sampleacct/pools/testpool",
        RG + "Microsoft.Batch/batchAccounts/abc/pools/" + "p_o-o1",
        RG + "Microsoft.Cache/redisEnterprise/cache1/databases/default",
        RG + "Microsoft.Cache/Redis/cache1/providers/Microsoft.Insights/diagnosticSettings/my setting (1)",
        RG + "Microsoft.Cache/Redis/a",
        "/SUBSCRIPTIONS/ABCDEF01-2345-6789-ABCD-EF0123456789/RESOURCEGROUPS/Gruppe-ä_(1).x/PROVIDERS/MICROSOFT.CACHE/REDIS/C-1",
        SUB + "/resourceGroups/default-azurebatch-japaneast/providers/Microsoft.Batch/batchAccounts/sampleacct/certificates"
                + "/sha1-0a0e4f50d51beadeac1d35afc5116098e7902e6e",
        SUB + "/resourceGroups/rg/providers/84codes.CloudAMQP/servers/s1"
    })
    void acceptsIdsThatCanExist(String text) {
        assertEquals(text, ResourceId.parse(text).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1"
                + "| resource id has subscription 'subid', which is not a subscription id (a GUID)",
        "/subscriptions/{subscription-id}/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1"
                + "| resource id has subscription '{subscription-id}', which is not a subscription id (a GUID)",
        "/subscriptions/00000000-0000-0000-0000-0000000000001/resourceGroups/rg1/providers/Microsoft.Cache/Redis/c"
                + "| resource id has subscription '00000000-0000-0000-0000-0000000000001', which is not a subscription id",
        "/subscriptions/00000000-0000-0000-0000-00000000000g/resourceGroups/rg1/providers/Microsoft.Cache/Redis/c"
                + "| resource id has subscription '00000000-0000-0000-0000-00000000000g', which is not a subscription id",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/{resource-group}/providers/Microsoft.Cache/Redis/c"
                + "| resource id has resource group '{resource-group}', which is not 1-90 letters",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg./providers/Microsoft.Cache/Redis/c"
                + "| resource id has resource group 'rg.', which is not 1-90 letters",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/my rg/providers/Microsoft.Cache/Redis/c"
                + "| resource id has resource group 'my rg', which is not 1-90 letters",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft_Cache/Redis/c"
                + "| resource id has provider namespace 'Microsoft_Cache', which is not of the form Company.Service",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Cache/Redis/c"
                + "| resource id has provider namespace 'Cache', which is not of the form Company.Service",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Re dis/c"
                + "| resource id has resource type segment 'Re dis', which is not a type name",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Redis/c:1"
                + "| resource id has name 'c:1' with ':', which no resource name may hold",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Redis/c1"
                + "/providers/Microsoft.Insights/diagnosticSettings/a<b"
                + "| resource id has name 'a<b' with '<', which no resource name may hold",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Redis/-cache"
                + "| resource id has Microsoft.Cache/Redis name '-cache', but such names are 1-63 letters, digits and hyphens",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache_1"
                + "/firewallRules/r1"
                + "| resource id has Microsoft.Cache/Redis name 'cache_1', but such names are 1-63 letters",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/redisEnterprise"
                + "/cache--1| resource id has Microsoft.Cache/redisEnterprise name 'cache--1', but such names are 1-60 letters",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/redisEnterprise"
                + "/c1/databases/def_ault"
                + "| resource id has Microsoft.Cache/redisEnterprise/databases name 'def_ault', but such names are 1-60",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Batch/batchAccounts/ab"
                + "| resource id has Microsoft.Batch/batchAccounts name 'ab', but such names are 3-24 letters and digits",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Batch/batchAccounts"
                + "/sample-acct| resource id has Microsoft.Batch/batchAccounts name 'sample-acct', but such names are 3-24",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Batch/batchAccounts"
                + "/sampleacct/pools/test.pool"
                + "| resource id has Microsoft.Batch/batchAccounts/pools name 'test.pool', but such names are 1-64 letters"
    })
    void refusesIdsThatCannotExistAndSaysWhy(String text, String expectedStart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResourceId.parse(text));
        assertTrue(e.getMessage().startsWith(expectedStart.trim()), e.getMessage());
    }

    @Test
    void theLongestNamesTheApisAllowStillParse() {
        assertEquals("c".repeat(63), ResourceId.parse(RG + "Microsoft.Cache/Redis/" + "c".repeat(63)).name());
        assertThrows(IllegalArgumentException.class, () -> ResourceId.parse(RG + "Microsoft.Cache/Redis/" + "c".repeat(64)));
        assertEquals("a".repeat(24), ResourceId.parse(RG + "Microsoft.Batch/batchAccounts/" + "a".repeat(24)).name());
        assertThrows(IllegalArgumentException.class,
                () -> ResourceId.parse(RG + "Microsoft.Batch/batchAccounts/" + "a".repeat(25)));
        String group = "g".repeat(90);
        assertEquals(group, ResourceId.parse(SUB + "/resourceGroups/" + group + "/providers/Microsoft.Cache/Redis/c")
                .resourceGroup());
        assertThrows(IllegalArgumentException.class,
                () -> ResourceId.parse(SUB + "/resourceGroups/" + group + "g/providers/Microsoft.Cache/Redis/c"));
        assertTrue(ResourceId.isSubscriptionId("ABCDEF01-2345-6789-abcd-ef0123456789"));
        assertFalse(ResourceId.isSubscriptionId("subid"));
        assertFalse(ResourceId.isSubscriptionId(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1",
        "/subscriptions/00000000-0000-0000-0000-000000000000",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Redis",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1/firewallRules",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Redis/../cache1",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1%2F..",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache//Redis/cache1",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1?api-version=1",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/nonsense/Microsoft.Cache/Redis/cache1",
        "/tenants/t/providers/Microsoft.Cache/Redis/cache1"
    })
    void refusesWhatIsNotAResourceId(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResourceId.parse(text));
        assertFalse(e.getMessage().isBlank());
    }
}
