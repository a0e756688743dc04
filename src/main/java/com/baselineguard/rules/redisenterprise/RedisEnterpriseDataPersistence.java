package com.baselineguard.rules.redisenterprise;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.AbstractRule;
import com.baselineguard.rules.support.Values;
import java.util.List;

/**
 * REDISENT-008: the database persists its data (RDB snapshots or an AOF log; at most one may be on, per the 2025-07-01
 * REST spec,
 * specification/redisenterprise/resource-manager/Microsoft.Cache/RedisEnterprise/stable/2025-07-01/redisenterprise.json).
 */
public final class RedisEnterpriseDataPersistence extends AbstractRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("REDISENT-008", "RedisEnterprise.DataPersistence")
            .resourceType(ResourceType.REDIS_ENTERPRISE_DATABASE)
            .severity(Severity.LOW)
            .controls("9.1", "9.2")
            .synopsis("Redis Enterprise and Azure Managed Redis databases should enable RDB or AOF data persistence.")
            .recommendation("Enable RDB (snapshots every 1, 6 or 12 hours) or AOF persistence on the database, and"
                    + " keep exports for backup, because persistence alone is not a backup.")
            .fixClass(FixClass.NONE)
            .build();

    private static final List<String> MODES = List.of("rdbEnabled", "aofEnabled");

    public RedisEnterpriseDataPersistence() {
        super(METADATA);
    }

    @Override
    protected Evaluation check(ResourceSnapshot resource, RuleSettings settings) {
        for (String mode : MODES) {
            String path = "properties.persistence." + mode;
            if (resource.value(path).map(Values::isTrue).orElse(false)) {
                return Evaluation.pass(path + " is true");
            }
        }
        return Evaluation.fail("neither properties.persistence.rdbEnabled nor properties.persistence.aofEnabled is true,"
                + " so the database keeps no copy of its data on disk");
    }
}
