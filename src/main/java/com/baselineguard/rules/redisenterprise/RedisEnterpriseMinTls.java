package com.baselineguard.rules.redisenterprise;

import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.FixStage;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.PropertyCheck;
import com.baselineguard.rules.support.PropertyRule;
import com.baselineguard.rules.support.Values;

/** REDISENT-001: the cluster requires TLS 1.2 or later. */
public final class RedisEnterpriseMinTls extends PropertyRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("REDISENT-001", "RedisEnterprise.MinTls")
            .resourceType(ResourceType.REDIS_ENTERPRISE)
            .severity(Severity.MEDIUM)
            .controls("4.4")
            .synopsis("Azure Managed Redis and Redis Enterprise clusters should require TLS 1.2 as the minimum TLS"
                    + " version.")
            .recommendation("Set the cluster's minimumTlsVersion to 1.2; TLS 1.0 and 1.1 are obsolete for Redis"
                    + " Enterprise.")
            .fixClass(FixClass.SAFE)
            .build();

    // Absent passes: the 2025-07-01 spec says TLS 1.0 and 1.1 "are now completely obsolete -- you cannot use them"
    // (specification/redisenterprise/resource-manager/Microsoft.Cache/RedisEnterprise/stable/2025-07-01/redisenterprise.json).
    private static final PropertyCheck CHECK = PropertyCheck.at("properties.minimumTlsVersion")
            .expect("\"1.2\"", v -> Values.textEquals(v, "1.2"))
            .whenAbsent(true, "the service accepts only TLS 1.2 and later")
            .fixTo(Values.string("1.2"), FixStage.HARDENING);

    public RedisEnterpriseMinTls() {
        super(METADATA, CHECK);
    }
}
