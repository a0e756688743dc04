package com.baselineguard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.ScriptedArm.Kind;
import com.baselineguard.engine.port.KeyVaultGateway;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
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

/** Related data is read when a running rule needs it, once, and only the kinds Baseline Guard can read. */
class RelatedReadsTest {

    private final ScriptedArm arm = new ScriptedArm();
    private final KeyVaultScript keyVault = new KeyVaultScript();

    private RelatedReads reads(Map<String, String> environment, KeyVaultGateway vault) {
        return new RelatedReads(Catalog.standard(), Steps.evaluator(environment).policy(), vault,
                Clock.fixed(Steps.NOW, ZoneOffset.UTC));
    }

    @Test
    void whatEachTypeNeedsFollowsTheRulesThatRun() {
        RelatedReads reads = reads(Map.of(), keyVault);
        // REDIS-011 (resource logs) and REDIS-003/REDIS-004 (firewall rules) run by default.
        assertEquals(EnumSet.of(RelatedKind.DIAGNOSTIC_SETTINGS, RelatedKind.FIREWALL_RULES),
                reads.needed(ResourceType.REDIS));
        assertTrue(reads.needed(ResourceType.BATCH_ACCOUNT).containsAll(Set.of(RelatedKind.KEY_VAULTS, RelatedKind.KEYS)));
        RelatedReads without = reads(Map.of("BG_RULE_MODE_REDIS_011", "off"), keyVault);
        assertTrue(!without.needed(ResourceType.REDIS).contains(RelatedKind.DIAGNOSTIC_SETTINGS));
    }

    @Test
    void diagnosticSettingsAreReadOnceWhenTheirRuleRuns() {
        arm.storeDiagnosticSettings(Steps.CACHE,
                Fixtures.items("Microsoft.Insights/diagnosticSettings/2021-05-01-preview_listDiagnosticSettings.json"));
        ResourceSnapshot loaded = reads(Map.of(), keyVault).load(Steps.cacheSnapshot(), arm);
        assertEquals(1, arm.count(Kind.DIAGNOSTIC_SETTINGS));
        assertEquals(1, arm.sent.size(), "firewall rules have no reader yet: not read");
        assertEquals(1, loaded.related(RelatedKind.DIAGNOSTIC_SETTINGS).orElseThrow().size());
        assertTrue(loaded.related(RelatedKind.FIREWALL_RULES).isEmpty(), "not loaded: its rules report not_evaluated");
    }

    @Test
    void nothingIsReadForAKindNoRunningRuleNeeds() {
        ResourceSnapshot loaded = reads(Map.of("BG_RULE_MODE_REDIS_011", "off"), keyVault).load(Steps.cacheSnapshot(), arm);
        assertTrue(arm.sent.isEmpty());
        assertTrue(loaded.related(RelatedKind.DIAGNOSTIC_SETTINGS).isEmpty());
    }

    @Test
    void aListThatCannotBeReadLeavesTheKindNotLoaded() {
        arm.answer(Kind.DIAGNOSTIC_SETTINGS, ScriptedArm.error(403, "AuthorizationFailed", "no"));
        assertTrue(reads(Map.of(), keyVault).load(Steps.cacheSnapshot(), arm).related(RelatedKind.DIAGNOSTIC_SETTINGS)
                .isEmpty());
        arm.answer(Kind.DIAGNOSTIC_SETTINGS, ScriptedArm.reply(200, Fixtures.parse("{\"value\":{}}")));
        assertTrue(reads(Map.of(), keyVault).load(Steps.cacheSnapshot(), arm).related(RelatedKind.DIAGNOSTIC_SETTINGS)
                .isEmpty());
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
        ResourceSnapshot loaded = reads(Map.of(), keyVault).load(ResourceSnapshot.of(Steps.cmkAccount()), arm);
        assertEquals(List.of(Kind.DIAGNOSTIC_SETTINGS, Kind.RESOURCE_GRAPH, Kind.GET),
                arm.sent.stream().map(ScriptedArm.Sent::kind).toList(), "in the order of RelatedKind");
        assertTrue(arm.sent.get(1).body().get("query").getAsString().contains("properties.vaultUri =~ 'https://sample-vault.vault.azure.net/'"));
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
        assertEquals(List.of(Kind.DIAGNOSTIC_SETTINGS), arm.sent.stream().map(ScriptedArm.Sent::kind).toList());
        assertTrue(keyVault.calls.isEmpty());
    }

    @Test
    void everyKindWithAReaderIsOneSomeRuleNeeds() {
        Set<RelatedKind> needed = EnumSet.noneOf(RelatedKind.class);
        for (Rule rule : Catalog.standard().rules()) {
            needed.addAll(rule.relatedData());
        }
        assertTrue(needed.containsAll(RelatedReads.READERS.keySet()), RelatedReads.READERS.keySet().toString());
    }
}
