package com.baselineguard.rules.redis;

import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.FixStage;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.PropertyCheck;
import com.baselineguard.rules.support.PropertyRule;
import com.baselineguard.rules.support.Values;

/** REDIS-006: the non-TLS port 6379 is off. */
public final class RedisNonTlsPort extends PropertyRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("REDIS-006", "Redis.NonTlsPort")
            .resourceType(ResourceType.REDIS)
            .severity(Severity.HIGH)
            .controls("4.4", "7.1")
            .synopsis("Azure Cache for Redis should not enable the non-TLS port 6379.")
            .recommendation("Set enableNonSslPort to false after moving every client that still connects on port 6379"
                    + " to the TLS port.")
            .fixClass(FixClass.SAFE)
            .build();

    // Absent means false: the spec default, and policy 22bee202 only flags an explicit true.
    private static final PropertyCheck CHECK = PropertyCheck.at("properties.enableNonSslPort")
            .expect("false", Values::isFalse)
            .whenAbsent(true, "absent means false")
            .fixTo(Values.bool(false), FixStage.HARDENING);

    public RedisNonTlsPort() {
        super(METADATA, CHECK);
    }
}
