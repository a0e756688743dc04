package com.baselineguard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.baselineguard.config.SettingsLoader;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Catalog;
import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonArray;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which related lists a resource's rules need, decided from the report of its body alone (published shapes). */
class RelatedReadsTest {

    private final Catalog catalog = Catalog.standard();
    private final RelatedReads reads = new RelatedReads(catalog);

    private Set<RelatedKind> needed(ResourceSnapshot snapshot, Map<String, String> env) {
        return reads.needed(new Evaluator(catalog, SettingsLoader.load(env, catalog)).evaluate(snapshot));
    }

    private static ResourceSnapshot cache() {
        return Fixtures.snapshot("Microsoft.Cache/redis/2024-11-01_RedisCacheUpdate.json");
    }

    @Test
    void aPublicCacheWithoutPrivateEndpointsInItsBodyNeedsAllThreeLists() {
        assertEquals(Set.of(RelatedKind.DIAGNOSTIC_SETTINGS, RelatedKind.FIREWALL_RULES,
                RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS), needed(cache(), Map.of()));
    }

    @Test
    void privateEndpointConnectionsInTheBodyAreNotListedAgain() {
        ResourceSnapshot snapshot = Fixtures.with(cache(), "properties.privateEndpointConnections", new JsonArray());
        assertEquals(Set.of(RelatedKind.DIAGNOSTIC_SETTINGS, RelatedKind.FIREWALL_RULES), needed(snapshot, Map.of()));
    }

    @Test
    void aCacheWithPublicAccessOffNeedsNoFirewallRules() {
        ResourceSnapshot snapshot = Fixtures.with(cache(), "properties.publicNetworkAccess", Fixtures.parse("\"Disabled\""));
        snapshot = Fixtures.with(snapshot, "properties.privateEndpointConnections", Fixtures.json(
                "Microsoft.Cache/redis/privateEndpointConnections/2024-11-01_RedisCacheListPrivateEndpointConnections.json")
                .getAsJsonObject().getAsJsonArray("value"));
        assertEquals(Set.of(RelatedKind.DIAGNOSTIC_SETTINGS), needed(snapshot, Map.of()));
        assertEquals(Set.of(), needed(snapshot, Map.of("BG_RULE_MODE_REDIS_011", "off")));
    }

    @Test
    void rulesThatAreOffOrExemptNeedNothing() {
        assertEquals(Set.of(RelatedKind.DIAGNOSTIC_SETTINGS, RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS),
                needed(cache(), Map.of("BG_RULE_MODE_REDIS_003", "off", "BG_RULE_MODE_REDIS_004", "off")));
        ResourceSnapshot exempt = Fixtures.with(cache(), "tags", Fixtures.parse("{\"baseline-guard-exempt\": \"\"}"));
        assertEquals(Set.of(), needed(exempt, Map.of()));
    }

    @Test
    void loadedListsAreNotReadAgain() {
        ResourceSnapshot snapshot = Fixtures.related(cache(), RelatedKind.FIREWALL_RULES, List.of());
        assertEquals(Set.of(RelatedKind.DIAGNOSTIC_SETTINGS, RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS),
                needed(snapshot, Map.of()));
    }

    @Test
    void aBatchAccountNeedsItsCertificatesAndAPoolNoList() {
        assertEquals(Set.of(RelatedKind.DIAGNOSTIC_SETTINGS, RelatedKind.CERTIFICATES,
                RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS),
                needed(Fixtures.snapshot("Microsoft.Batch/batchAccounts/2025-06-01_BatchAccountGet.json"), Map.of()));
        assertEquals(Set.of(), needed(Fixtures.snapshot("Microsoft.Batch/batchAccounts/pools/2025-06-01_PoolGet.json"),
                Map.of()));
    }
}
