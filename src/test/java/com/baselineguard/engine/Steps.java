package com.baselineguard.engine;

import com.baselineguard.config.SettingsLoader;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Catalog;
import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** What the pipeline steps' tests share: the published Redis cache, evaluations under given settings, work items. */
final class Steps {

    /** The published Redis cache (2024-11-01 RedisCacheUpdate): non-TLS port on, TLS unset, no diagnostic settings read. */
    static final String CACHE_FIXTURE = "Microsoft.Cache/redis/2024-11-01_RedisCacheUpdate.json";
    static final String CACHE = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1";
    static final String WORKSPACE = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/"
            + "Microsoft.OperationalInsights/workspaces/logs";
    static final Instant NOW = Instant.parse("2026-01-10T10:00:00Z");

    private Steps() {
    }

    static JsonObject cache() {
        return Fixtures.json(CACHE_FIXTURE).getAsJsonObject();
    }

    static ResourceSnapshot cacheSnapshot() {
        return ResourceSnapshot.of(cache());
    }

    static Evaluator evaluator(Map<String, String> environment) {
        Catalog catalog = Catalog.standard();
        return new Evaluator(catalog, SettingsLoader.load(environment, catalog));
    }

    /** The published Batch account (2025-06-01 BatchAccountGet), encrypting with a key in the published vault. */
    static JsonObject cmkAccount() {
        JsonObject account = Fixtures.json("Microsoft.Batch/batchAccounts/2025-06-01_BatchAccountGet.json").getAsJsonObject();
        account.getAsJsonObject("properties").add("encryption", Fixtures.parse("{\"keySource\":\"Microsoft.KeyVault\","
                + "\"keyVaultProperties\":{\"keyIdentifier\":\"" + KEY + "\"}}"));
        return account;
    }

    /** The versionless key the account names, in the published vault (sample-vault). */
    static final String KEY = "https://sample-vault.vault.azure.net/keys/batchkey";

    static WorkItem item(String resourceId) {
        return new WorkItem(resourceId, Trigger.EVENT, Optional.empty(), "c", false, 0, NOW);
    }
}
