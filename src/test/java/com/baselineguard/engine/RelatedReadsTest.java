package com.baselineguard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.ScriptedArm.Kind;
import com.baselineguard.engine.port.KeyVaultGateway;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Catalog;
import com.baselineguard.rules.Rule;
import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Related data is read when a running rule cannot decide without it, once, and only the kinds Baseline Guard
 * can read; which kinds, decided from the report of the body alone (published shapes).
 */
class RelatedReadsTest {

    private final Catalog catalog = Catalog.standard();
    private final ScriptedArm arm = new ScriptedArm();
    private final KeyVaultScript keyVault = new KeyVaultScript();

    /** The related reads of an invocation whose settings are {@code environment}: load evaluates the body first. */
    private record Reads(RelatedReads reads, Evaluator evaluator) {
        RelatedReads.Loaded load(ResourceSnapshot snapshot, com.baselineguard.engine.port.ArmGateway arm) {
            return reads.load(evaluator.evaluate(snapshot), arm);
        }
    }

    private Reads reads(Map<String, String> environment, KeyVaultGateway vault) {
        return new Reads(new RelatedReads(catalog, vault, Clock.fixed(Steps.NOW, ZoneOffset.UTC)),
                Steps.evaluator(environment));
    }

    private Set<RelatedKind> needed(ResourceSnapshot snapshot, Map<String, String> env) {
        return RelatedReads.needed(catalog, Steps.evaluator(env).evaluate(snapshot));
    }

    private static ResourceSnapshot privateCache() {
        ResourceSnapshot snapshot = Fixtures.with(Steps.cacheSnapshot(), "properties.publicNetworkAccess",
                Fixtures.parse("\"Disabled\""));
        return Fixtures.with(snapshot, "properties.privateEndpointConnections", Fixtures.json(
                "Microsoft.Cache/redis/privateEndpointConnections/2024-11-01_RedisCacheListPrivateEndpointConnections.json")
                .getAsJsonObject().getAsJsonArray("value"));
    }

    @Test
    void aPublicCacheWithoutPrivateEndpointsInItsBodyNeedsAllThreeLists() {
        assertEquals(EnumSet.of(RelatedKind.DIAGNOSTIC_SETTINGS, RelatedKind.FIREWALL_RULES,
                RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS), needed(Steps.cacheSnapshot(), Map.of()));
    }

    @Test
    void privateEndpointConnectionsInTheBodyAreNotListedAgain() {
        ResourceSnapshot snapshot = Fixtures.with(Steps.cacheSnapshot(), "properties.privateEndpointConnections",
                new JsonArray());
        assertEquals(EnumSet.of(RelatedKind.DIAGNOSTIC_SETTINGS, RelatedKind.FIREWALL_RULES), needed(snapshot, Map.of()));
    }

    @Test
    void aCacheWithPublicAccessOffNeedsNoFirewallRules() {
        assertEquals(EnumSet.of(RelatedKind.DIAGNOSTIC_SETTINGS), needed(privateCache(), Map.of()));
        assertEquals(Set.of(), needed(privateCache(), Map.of("BG_RULE_MODE_REDIS_011", "off")));
    }

    @Test
    void rulesThatAreOffOrExemptNeedNothing() {
        assertEquals(EnumSet.of(RelatedKind.DIAGNOSTIC_SETTINGS, RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS),
                needed(Steps.cacheSnapshot(), Map.of("BG_RULE_MODE_REDIS_003", "off", "BG_RULE_MODE_REDIS_004", "off")));
        ResourceSnapshot exempt = Fixtures.with(Steps.cacheSnapshot(), "tags",
                Fixtures.parse("{\"baseline-guard-exempt\": \"\"}"));
        assertEquals(Set.of(), needed(exempt, Map.of()));
    }

    @Test
    void loadedListsAreNotReadAgain() {
        ResourceSnapshot snapshot = Fixtures.related(Steps.cacheSnapshot(), RelatedKind.FIREWALL_RULES, List.of());
        assertEquals(EnumSet.of(RelatedKind.DIAGNOSTIC_SETTINGS, RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS),
                needed(snapshot, Map.of()));
    }

    @Test
    void aBatchAccountNeedsItsCertificatesAndAPoolNoList() {
        assertEquals(EnumSet.of(RelatedKind.DIAGNOSTIC_SETTINGS, RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS,
                RelatedKind.CERTIFICATES),
                needed(Fixtures.snapshot("Microsoft.Batch/batchAccounts/2025-06-01_BatchAccountGet.json"), Map.of()));
        assertEquals(Set.of(), needed(Fixtures.snapshot("Microsoft.Batch/batchAccounts/pools/2025-06-01_PoolGet.json"),
                Map.of()));
    }

    @Test
    void eachNeededListIsReadOnceInTheOrderOfRelatedKind() {
        arm.storeDiagnosticSettings(Steps.CACHE,
                Fixtures.items("Microsoft.Insights/diagnosticSettings/2021-05-01-preview_listDiagnosticSettings.json"));
        arm.storeRelated(Steps.CACHE, RelatedKind.FIREWALL_RULES,
                Fixtures.items("Microsoft.Cache/redis/firewallRules/2024-11-01_RedisCacheFirewallRulesList.json"));
        RelatedReads.Loaded loaded = reads(Map.of(), keyVault).load(Steps.cacheSnapshot(), arm);
        assertEquals(List.of(Kind.DIAGNOSTIC_SETTINGS, Kind.FIREWALL_RULES, Kind.PRIVATE_ENDPOINT_CONNECTIONS),
                arm.sent.stream().map(ScriptedArm.Sent::kind).toList());
        assertEquals(1, loaded.snapshot().related(RelatedKind.DIAGNOSTIC_SETTINGS).orElseThrow().size());
        assertEquals(2, loaded.snapshot().related(RelatedKind.FIREWALL_RULES).orElseThrow().size());
        assertEquals(List.of(), loaded.snapshot().related(RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS).orElseThrow(),
                "listed and empty: \"none\", not \"not loaded\"");
        assertEquals(List.of(), loaded.problems());
    }

    @Test
    void nothingIsReadForAKindNoRunningRuleNeeds() {
        RelatedReads.Loaded loaded = reads(Map.of("BG_RULE_MODE_REDIS_011", "off"), keyVault).load(privateCache(), arm);
        assertTrue(arm.sent.isEmpty());
        assertTrue(loaded.snapshot().related(RelatedKind.DIAGNOSTIC_SETTINGS).isEmpty());
    }

    @Test
    void aListThatCannotBeReadLeavesTheKindNotLoadedAndSaysWhy() {
        arm.answer(Kind.DIAGNOSTIC_SETTINGS, ScriptedArm.error(403, "AuthorizationFailed", "no"));
        RelatedReads.Loaded refused = reads(Map.of(), keyVault).load(privateCache(), arm);
        assertTrue(refused.snapshot().related(RelatedKind.DIAGNOSTIC_SETTINGS).isEmpty());
        assertEquals(List.of("diagnosticSettings not read: HTTP 403 AuthorizationFailed: no"), refused.problems());
        arm.answer(Kind.DIAGNOSTIC_SETTINGS, ScriptedArm.reply(200, Fixtures.parse("{\"value\":{}}")));
        RelatedReads.Loaded malformed = reads(Map.of(), keyVault).load(privateCache(), arm);
        assertTrue(malformed.snapshot().related(RelatedKind.DIAGNOSTIC_SETTINGS).isEmpty());
        assertEquals(List.of("diagnosticSettings not read: the answer has no \"value\" list"), malformed.problems());
    }

    @Test
    void aCustomerManagedKeyIsReadFromItsVaultAndTheKeyVaultDataPlane() {
        JsonObject vault = Fixtures.json("Microsoft.KeyVault/vaults/2024-11-01_getVault.json").getAsJsonObject();
        JsonObject row = new JsonObject();
        row.add("id", vault.get("id"));
        row.add("properties", vault.get("properties"));
        JsonArray data = new JsonArray();
        data.add(row);
        JsonObject graph = new JsonObject();
        graph.add("data", data);
        arm.store(vault).answer(Kind.RESOURCE_GRAPH, ScriptedArm.reply(200, graph));
        ResourceSnapshot loaded = reads(Map.of(), keyVault).load(ResourceSnapshot.of(Steps.cmkAccount()), arm).snapshot();
        assertEquals(List.of(Kind.DIAGNOSTIC_SETTINGS, Kind.PRIVATE_ENDPOINT_CONNECTIONS, Kind.CERTIFICATES,
                Kind.RESOURCE_GRAPH, Kind.GET), arm.sent.stream().map(ScriptedArm.Sent::kind).toList(),
                "in the order of RelatedKind");
        assertTrue(arm.sent.get(3).body().get("query").getAsString().contains("properties.vaultUri =~ 'https://sample-vault.vault.azure.net/'"));
        assertEquals(vault.get("id"), loaded.related(RelatedKind.KEY_VAULTS).orElseThrow().get(0).get("id"));
        JsonObject summary = loaded.related(RelatedKind.KEYS).orElseThrow().get(0);
        assertEquals("ok", summary.get("read").getAsString());
        assertTrue(summary.get("rotationPolicy").isJsonNull(), "Key Vault answered 404: the key has no rotation policy");
        assertEquals("2026-01-10T10:00:00Z", summary.get("observedAt").getAsString());
        assertEquals(List.of("GET https://sample-vault.vault.azure.net/keys/batchkey",
                "GET https://sample-vault.vault.azure.net/keys/batchkey/rotationpolicy"), keyVault.calls);
    }

    @Test
    void anAccountWithMicrosoftManagedKeysNeedsNoVault() {
        reads(Map.of(), keyVault).load(Fixtures.snapshot("Microsoft.Batch/batchAccounts/2025-06-01_BatchAccountGet.json"), arm);
        assertEquals(List.of(Kind.DIAGNOSTIC_SETTINGS, Kind.PRIVATE_ENDPOINT_CONNECTIONS, Kind.CERTIFICATES),
                arm.sent.stream().map(ScriptedArm.Sent::kind).toList());
        assertTrue(keyVault.calls.isEmpty());
    }

    @Test
    void everyKindWithAReaderIsOneSomeRuleNeeds() {
        Set<RelatedKind> needed = EnumSet.noneOf(RelatedKind.class);
        for (Rule rule : catalog.rules()) {
            needed.addAll(rule.relatedData());
        }
        assertEquals(needed, RelatedReads.READERS.keySet(), "every kind a rule declares is read, and no other");
    }

    @Test
    void theRelatedDataFollowsTheResource() {
        arm.store(Steps.cache()).storeDiagnosticSettings(Steps.CACHE,
                Fixtures.items("Microsoft.Insights/diagnosticSettings/2021-05-01-preview_listDiagnosticSettings.json"));
        ResourceSnapshot read = new ResourceReader().read(arm, com.baselineguard.model.ResourceId.parse(Steps.CACHE),
                com.baselineguard.model.ResourceType.REDIS).snapshot().orElseThrow();
        var snapshot = reads(Map.of(), keyVault).load(read, arm).snapshot();
        assertEquals(1, snapshot.related(RelatedKind.DIAGNOSTIC_SETTINGS).orElseThrow().size());
        assertEquals(List.of(Kind.GET, Kind.DIAGNOSTIC_SETTINGS, Kind.FIREWALL_RULES, Kind.PRIVATE_ENDPOINT_CONNECTIONS),
                arm.sent.stream().map(ScriptedArm.Sent::kind).toList(), "the public published cache: its rules need all three");
    }

    @Test
    void aListAnsweredWithRetryLaterDefersTheInvocationForAsLongAsTheServerAsked() {
        arm.answer(Kind.DIAGNOSTIC_SETTINGS, ScriptedArm.error(429, "TooManyRequests", "slow down",
                java.util.Optional.of(java.time.Duration.ofMinutes(1))));
        RelatedReads.Loaded loaded = reads(Map.of(), keyVault).load(privateCache(), arm);
        Verdict deferred = loaded.deferred().orElseThrow();
        assertEquals(Result.DEFERRED, deferred.result());
        assertEquals("diagnosticSettings list answered 429 (TooManyRequests: slow down); retried later", deferred.reason());
        assertEquals(java.util.Optional.of(java.time.Duration.ofMinutes(1)), deferred.retryAfter());
        arm.answer(Kind.DIAGNOSTIC_SETTINGS, ScriptedArm.error(503, "ServiceUnavailable", "later"));
        assertTrue(reads(Map.of(), keyVault).load(privateCache(), arm).deferred().isPresent(), "5xx after the pipeline's retries");
    }

    @Test
    void aVaultLookupThatIsRefusedSaysSoAndOneToRetryLaterDefers() {
        arm.answer(Kind.RESOURCE_GRAPH, ScriptedArm.error(403, "AuthorizationFailed", "no graph"));
        RelatedReads.Loaded refused = reads(Map.of(), keyVault).load(ResourceSnapshot.of(Steps.cmkAccount()), arm);
        assertTrue(refused.snapshot().related(RelatedKind.KEY_VAULTS).isEmpty());
        assertTrue(refused.problems().contains("keyVaults not read: HTTP 403 AuthorizationFailed: no graph"),
                refused.problems().toString());
        arm.answer(Kind.RESOURCE_GRAPH, ScriptedArm.error(429, "RateLimiting", "later"));
        assertTrue(reads(Map.of(), keyVault).load(ResourceSnapshot.of(Steps.cmkAccount()), arm).deferred().isPresent());
    }
}
