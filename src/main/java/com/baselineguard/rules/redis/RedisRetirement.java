package com.baselineguard.rules.redis;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.AbstractRule;

/**
 * REDIS-018 (informational): every Microsoft.Cache/redis cache is on a retiring product, as PSRule's
 * Azure.Redis.MigrateAMR reports (https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.Redis.MigrateAMR/). The
 * date is fixed text, not compared with a clock.
 */
public final class RedisRetirement extends AbstractRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("REDIS-018", "Redis.Retirement")
            .resourceType(ResourceType.REDIS)
            .severity(Severity.INFORMATIONAL)
            .controls("7.1")
            .synopsis("Azure Cache for Redis (Basic, Standard, Premium) retires on 2028-09-30; plan migration to Azure"
                    + " Managed Redis.")
            .recommendation("Plan and test migration of each cache to Azure Managed Redis well before the 2028-09-30"
                    + " retirement date.")
            .fixClass(FixClass.NONE)
            .build();

    public RedisRetirement() {
        super(METADATA);
    }

    @Override
    protected Evaluation check(ResourceSnapshot resource, RuleSettings settings) {
        return Evaluation.fail("Azure Cache for Redis (Basic/Standard/Premium) retires 2028-09-30; plan migration to"
                + " Azure Managed Redis");
    }
}
