package com.baselineguard.rules.redisenterprise;

import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.FixStage;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.PropertyCheck;
import com.baselineguard.rules.support.PropertyRule;
import com.baselineguard.rules.support.Values;

/** REDISENT-002: clients reach the database over TLS only. */
public final class RedisEnterpriseClientProtocol extends PropertyRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("REDISENT-002", "RedisEnterprise.ClientProtocol")
            .resourceType(ResourceType.REDIS_ENTERPRISE_DATABASE)
            .severity(Severity.HIGH)
            .controls("4.4")
            .synopsis("Redis Enterprise and Azure Managed Redis databases should accept only TLS-encrypted client"
                    + " connections.")
            .recommendation("Set the database's clientProtocol to Encrypted once every client connects with TLS.")
            .fixClass(FixClass.DISRUPTIVE)
            .precondition("every client of the database connects with TLS (plaintext clients are cut off)")
            .build();

    // The default is TLS-encrypted in the 2025-07-01 spec
    // (specification/redisenterprise/resource-manager/Microsoft.Cache/RedisEnterprise/stable/2025-07-01/redisenterprise.json),
    // so an absent property passes.
    private static final PropertyCheck CHECK = PropertyCheck.at("properties.clientProtocol")
            .expect("\"Encrypted\"", v -> Values.textEquals(v, "Encrypted"))
            .whenAbsent(true, "absent means Encrypted, the default")
            .fixTo(Values.string("Encrypted"), FixStage.HARDENING);

    public RedisEnterpriseClientProtocol() {
        super(METADATA, CHECK);
    }
}
