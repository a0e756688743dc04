package com.baselineguard.rules.redisenterprise;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.AbstractRule;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * REDISENT-010 (informational): clusters on the deprecated Enterprise and Enterprise Flash SKUs should move to Azure
 * Managed Redis, as PSRule's Azure.RedisEnterprise.MigrateAMR reports
 * (https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.RedisEnterprise.MigrateAMR/). No date is given: the only
 * retirement date found came from a third-party summary, not a Microsoft source.
 */
public final class RedisEnterpriseRetirement extends AbstractRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("REDISENT-010", "RedisEnterprise.Retirement")
            .resourceType(ResourceType.REDIS_ENTERPRISE)
            .severity(Severity.INFORMATIONAL)
            .controls("7.1")
            .synopsis("Redis Enterprise clusters on the deprecated Enterprise and Enterprise Flash SKUs should migrate"
                    + " to Azure Managed Redis.")
            .recommendation("Plan and test migration of each Enterprise_* or EnterpriseFlash_* cluster to an Azure"
                    + " Managed Redis SKU (Balanced, MemoryOptimized, ComputeOptimized or FlashOptimized).")
            .fixClass(FixClass.NONE)
            .build();

    private static final List<String> DEPRECATED_PREFIXES = List.of("enterprise_", "enterpriseflash_");

    public RedisEnterpriseRetirement() {
        super(METADATA);
    }

    @Override
    protected Evaluation check(ResourceSnapshot resource, RuleSettings settings) {
        Optional<String> sku = resource.string("sku.name");
        if (sku.isEmpty()) {
            return Evaluation.notEvaluated("the snapshot does not carry sku.name");
        }
        String lower = sku.get().trim().toLowerCase(Locale.ROOT);
        if (DEPRECATED_PREFIXES.stream().anyMatch(lower::startsWith)) {
            return Evaluation.fail("sku.name is \"" + sku.get() + "\": the Enterprise and Enterprise Flash SKUs are"
                    + " deprecated; migrate to Azure Managed Redis");
        }
        return Evaluation.pass("sku.name is \"" + sku.get() + "\", not an Enterprise or Enterprise Flash SKU");
    }
}
