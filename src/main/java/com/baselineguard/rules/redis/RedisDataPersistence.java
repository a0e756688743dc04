package com.baselineguard.rules.redis;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.AbstractRule;
import com.baselineguard.rules.support.Applicability;
import com.baselineguard.rules.support.Values;
import java.util.Optional;

/** REDIS-016: a Premium cache persists its data (RDB or AOF). Detect only: it needs a storage account. */
public final class RedisDataPersistence extends AbstractRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("REDIS-016", "Redis.DataPersistence")
            .resourceType(ResourceType.REDIS)
            .severity(Severity.LOW)
            .controls("9.1", "9.2")
            .synopsis("Premium Azure Cache for Redis should enable RDB or AOF data persistence.")
            .recommendation("Enable RDB (or AOF) persistence on Premium caches to a storage account in the same"
                    + " region, using managed-identity authentication (REDIS-012).")
            .fixClass(FixClass.NONE)
            .build();

    // Persistence is a Premium-only feature
    // (https://learn.microsoft.com/azure/azure-cache-for-redis/cache-how-to-premium-persistence).
    private static final Applicability PREMIUM = cache -> {
        Optional<String> sku = cache.string("properties.sku.name");
        if (sku.isEmpty()) {
            return Optional.of(Evaluation.notEvaluated("properties.sku.name is not in the snapshot, so it cannot be"
                    + " told whether the cache is Premium"));
        }
        if (!Values.textEquals(Values.string(sku.get()), "Premium")) {
            return Optional.of(Evaluation.notApplicable("properties.sku.name is " + sku.get()
                    + "; data persistence is available only on Premium"));
        }
        return Optional.empty();
    };

    public RedisDataPersistence() {
        super(METADATA, PREMIUM);
    }

    @Override
    protected Evaluation check(ResourceSnapshot resource, RuleSettings settings) {
        if (RedisFacts.persistenceEnabled(resource)) {
            return Evaluation.pass("RDB or AOF persistence is on (" + RedisFacts.configurationPath(RedisFacts.RDB_BACKUP)
                    + " or " + RedisFacts.configurationPath(RedisFacts.AOF_BACKUP) + " is \"true\")");
        }
        return Evaluation.fail(RedisFacts.noPersistenceReason() + "; a Premium cache should persist with RDB or AOF");
    }
}
