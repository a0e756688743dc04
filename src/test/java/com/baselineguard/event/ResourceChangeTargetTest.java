package com.baselineguard.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.model.ResourceId;
import com.baselineguard.model.ResourceType;
import com.google.gson.JsonObject;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which resource an event leads to, on variants of the published write event. */
class ResourceChangeTargetTest {

    private static final String RG = "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg1";
    private static final String CACHE = RG + "/providers/Microsoft.Cache/Redis/cache1";
    private static final String ACCOUNT = RG + "/providers/Microsoft.Batch/batchAccounts/acct1";
    private static final String POOL = ACCOUNT + "/pools/pool1";
    private static final String CLUSTER = RG + "/providers/Microsoft.Cache/redisEnterprise/amr1";
    private static final String DATABASE = CLUSTER + "/databases/default";
    private static final String STORAGE = RG + "/providers/Microsoft.Storage/storageAccounts/st1";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        CACHE + ", " + CACHE + ", REDIS",
        RG + "/providers/Microsoft.Cache/redis/cache1, " + RG + "/providers/Microsoft.Cache/redis/cache1, REDIS",
        CACHE + "/firewallRules/office, " + CACHE + ", REDIS",
        CACHE + "/privateEndpointConnections/pe1, " + CACHE + ", REDIS",
        CACHE + "/patchSchedules/default, " + CACHE + ", REDIS",
        CACHE + "/linkedServers/cache2, " + CACHE + ", REDIS",
        CACHE + "/providers/Microsoft.Insights/diagnosticSettings/bg, " + CACHE + ", REDIS",
        ACCOUNT + ", " + ACCOUNT + ", BATCH_ACCOUNT",
        ACCOUNT + "/privateEndpointConnections/pe1, " + ACCOUNT + ", BATCH_ACCOUNT",
        ACCOUNT + "/certificates/sha1-0123, " + ACCOUNT + ", BATCH_ACCOUNT",
        ACCOUNT + "/applications/app1, " + ACCOUNT + ", BATCH_ACCOUNT",
        ACCOUNT + "/applications/app1/versions/1.0, " + ACCOUNT + ", BATCH_ACCOUNT",
        ACCOUNT + "/providers/Microsoft.Insights/diagnosticSettings/bg, " + ACCOUNT + ", BATCH_ACCOUNT",
        POOL + ", " + POOL + ", BATCH_POOL",
        CLUSTER + ", " + CLUSTER + ", REDIS_ENTERPRISE",
        CLUSTER + "/privateEndpointConnections/pe1, " + CLUSTER + ", REDIS_ENTERPRISE",
        DATABASE + ", " + DATABASE + ", REDIS_ENTERPRISE_DATABASE",
        CLUSTER + "/providers/Microsoft.Insights/diagnosticSettings/bg, " + CLUSTER + ", REDIS_ENTERPRISE",
        DATABASE + "/providers/Microsoft.Insights/diagnosticSettings/bg, " + DATABASE + ", REDIS_ENTERPRISE_DATABASE",
        "/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000001/RESOURCEGROUPS/RG1/PROVIDERS/MICROSOFT.CACHE/REDIS/CACHE1/FIREWALLRULES/X, "
                + "/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000001/RESOURCEGROUPS/RG1/PROVIDERS/MICROSOFT.CACHE/REDIS/CACHE1, REDIS",
    })
    void supportedResourcesAndTheirChildrenMapToTheEvaluatedResource(String changed, String target, ResourceType type) {
        ResourceChange change = parse(EventFixtures.writeEventAbout(changed, changed));
        assertEquals(Optional.of(ResourceId.parse(target)), change.target());
        assertEquals(target, change.target().orElseThrow().toString());
        assertEquals(Optional.of(type), change.targetType());
        assertEquals(Optional.empty(), change.skipReason());
        assertTrue(change.isActionable());
        TargetResolution.Evaluate found = (TargetResolution.Evaluate) change.resolution();
        assertEquals(ResourceId.parse(changed), found.changed());
        assertFalse(change.subjectDisagrees());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        STORAGE + "| type Microsoft.Storage/storageAccounts is not evaluated",
        DATABASE + "/accessPolicyAssignments/a1| child type Microsoft.Cache/redisEnterprise/databases/accessPolicyAssignments of a Microsoft.Cache/redisEnterprise/databases is not evaluated",
        RG + "/providers/Microsoft.Resources/deployments/dep1| type Microsoft.Resources/deployments is not evaluated",
        CACHE + "/accessPolicyAssignments/a1| child type Microsoft.Cache/Redis/accessPolicyAssignments of a Microsoft.Cache/redis is not evaluated",
        ACCOUNT + "/detectors/d1| child type Microsoft.Batch/batchAccounts/detectors of a Microsoft.Batch/batchAccounts is not evaluated",
        CACHE + "/providers/Microsoft.Authorization/locks/l1| extension resource Microsoft.Authorization/locks on a Microsoft.Cache/redis is not evaluated",
        STORAGE + "/providers/Microsoft.Insights/diagnosticSettings/d1| diagnostic setting of a Microsoft.Storage/storageAccounts, which is not evaluated",
        RG + "/providers/Microsoft.Insights/diagnosticSettings/d1| diagnostic setting of a resource group, which is not evaluated",
        "/subscriptions/00000000-0000-0000-0000-000000000001| resourceUri is a subscription, not a resource",
        RG + "| resourceUri is a resource group, not a resource",
        "/subscriptions/00000000-0000-0000-0000-000000000001/providers/Microsoft.Authorization/roleAssignments/r1"
                + "| resourceUri is a resource outside any resource group, which is not evaluated: "
                + "/subscriptions/00000000-0000-0000-0000-000000000001/providers/Microsoft.Authorization/roleAssignments/r1",
        "/providers/Microsoft.Management/managementGroups/mg1"
                + "| resourceUri is a resource outside any resource group, which is not evaluated: /providers/Microsoft.Management/managementGroups/mg1",
    })
    void everythingElseIsSkippedWithAReason(String changed, String reason) {
        ResourceChange change = parse(EventFixtures.writeEventAbout(changed, changed));
        assertEquals(Optional.empty(), change.target());
        assertEquals(Optional.of(reason), change.skipReason());
        assertEquals(Optional.of(reason), change.ignoredBecause());
        assertFalse(change.isActionable());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        CACHE + "/../cache2",
        CACHE + "%2F..%2Fother",
        RG + "/providers/Microsoft.Cache//Redis/cache1",
        CACHE + "/",
        CACHE + "/firewallRules",
        CACHE + "?api-version=2024-11-01",
        "subscriptions/x/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1",
        "https://management.azure.com" + CACHE,
        CACHE + "\\..\\x",
        "/subscriptions/x/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1\n/x",
    })
    void malformedIdsAreSkippedNotTrusted(String changed) {
        ResourceChange change = parse(EventFixtures.writeEventAbout(changed, changed));
        assertEquals(Optional.empty(), change.target());
        String reason = change.skipReason().orElseThrow();
        assertTrue(reason.startsWith("resourceUri is not a resource id: "), reason);
        assertFalse(reason.chars().anyMatch(Character::isISOControl), reason);
    }

    @Test
    void subscriptionSubjectWithoutResourceUri() {
        ResourceChange change = parse(EventFixtures.cloudWriteEventAbout("/subscriptions/{subscription-id}"));
        assertEquals(Optional.of("subject is a subscription, not a resource"), change.skipReason());
        ResourceChange grid = parse(EventFixtures.writeEventAbout("/subscriptions/{subscription-id}", null));
        assertEquals(Optional.of("subject is a subscription, not a resource"), grid.skipReason());
    }

    @Test
    void subjectIsUsedWhenThereIsNoResourceUri() {
        ResourceChange change = parse(EventFixtures.cloudWriteEventAbout(CACHE + "/firewallRules/office"));
        assertEquals(Optional.of(ResourceId.parse(CACHE)), change.target());
        assertTrue(change.isActionable());
    }

    /** A deployment can emit a first event whose resourceUri is temporary; the target follows resourceUri. */
    @Test
    void whenBothAreIdsButDisagreeTheTargetFollowsResourceUri() {
        ResourceChange change = parse(EventFixtures.writeEventAbout(RG + "/providers/Microsoft.Resources/deployments/dep1", CACHE));
        assertEquals(Optional.of(ResourceId.parse(CACHE)), change.target());
        assertTrue(change.subjectDisagrees());

        ResourceChange reverse = parse(EventFixtures.writeEventAbout(CACHE, STORAGE));
        assertEquals(Optional.of("type Microsoft.Storage/storageAccounts is not evaluated"), reverse.skipReason());
    }

    @Test
    void differentCasingIsNotADisagreement() {
        ResourceChange change = parse(EventFixtures.writeEventAbout(CACHE.toLowerCase(), CACHE));
        assertFalse(change.subjectDisagrees());
        assertEquals(CACHE, change.target().orElseThrow().toString());
    }

    @Test
    void aMalformedResourceUriBesideAGoodSubjectIsSkipped() {
        ResourceChange change = parse(EventFixtures.writeEventAbout(CACHE, CACHE + "/../cache2"));
        assertEquals(Optional.empty(), change.target());
        String reason = change.skipReason().orElseThrow();
        assertTrue(reason.startsWith("resourceUri and subject disagree: resourceUri is not a resource id: "), reason);
        assertTrue(reason.endsWith("but the subject is " + CACHE), reason);
    }

    @Test
    void causedByMatchesAppIdAzpOrObjectIdIgnoringCase() {
        String mi = "6a2b0c3d-1111-4e5f-8a9b-0c1d2e3f4a5b";
        JsonObject event = EventFixtures.object(EventFixtures.EG_WRITE);
        JsonObject claims = event.getAsJsonObject("data").getAsJsonObject("claims");
        claims.addProperty("appid", mi.toUpperCase());
        assertTrue(parse(event.toString()).causedBy(mi));
        assertTrue(parse(event.toString()).causedBy(" " + mi + " "));
        assertFalse(parse(event.toString()).causedBy("6a2b0c3d-1111-4e5f-8a9b-0c1d2e3f4a5c"));
        assertFalse(parse(event.toString()).causedBy(""));
        assertFalse(parse(event.toString()).causedBy(null));

        claims.addProperty("appid", "other");
        claims.addProperty("http://schemas.microsoft.com/identity/claims/objectidentifier", mi);
        assertTrue(parse(event.toString()).causedBy(mi.toUpperCase()));

        claims.remove("http://schemas.microsoft.com/identity/claims/objectidentifier");
        claims.addProperty("oid", mi);
        assertTrue(parse(event.toString()).causedBy(mi));

        claims.remove("oid");
        claims.remove("appid");
        claims.addProperty("azp", mi);
        ResourceChange v2 = parse(event.toString());
        assertEquals(new Caller("", mi, ""), v2.caller());
        assertTrue(v2.causedBy(mi));
    }

    @Test
    void placeholderClaimsMatchNothingReal() {
        assertFalse(parse(EventFixtures.text(EventFixtures.EG_WRITE)).causedBy("6a2b0c3d-1111-4e5f-8a9b-0c1d2e3f4a5b"));
    }

    private static ResourceChange parse(String body) {
        return EventParser.parse(body).get(0);
    }
}
