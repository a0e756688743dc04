package com.baselineguard.rules.redisenterprise;

import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.FixStage;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.PropertyCheck;
import com.baselineguard.rules.support.PropertyRule;
import com.baselineguard.rules.support.Values;

/** REDISENT-005: the database refuses access keys, so clients authenticate with Microsoft Entra ID. */
public final class RedisEnterpriseLocalAuth extends PropertyRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("REDISENT-005", "RedisEnterprise.LocalAuth")
            .resourceType(ResourceType.REDIS_ENTERPRISE_DATABASE)
            .severity(Severity.HIGH)
            .controls("3.2")
            .synopsis("Redis Enterprise and Azure Managed Redis databases should disable access key authentication so"
                    + " that clients must authenticate with Microsoft Entra ID.")
            .recommendation("Give every client principal an access policy assignment on the database, move the clients"
                    + " to Microsoft Entra ID, then set accessKeysAuthentication to Disabled.")
            .fixClass(FixClass.DISRUPTIVE)
            .precondition("every client principal has an access policy assignment and authenticates with Microsoft"
                    + " Entra ID")
            .build();

    private static final PropertyCheck CHECK = PropertyCheck.at("properties.accessKeysAuthentication")
            .expect("\"Disabled\"", v -> Values.textEquals(v, "Disabled"))
            .whenAbsent(false, "databases created before the property existed accept access keys")
            .fixTo(Values.string("Disabled"), FixStage.LOCAL_AUTHENTICATION);

    public RedisEnterpriseLocalAuth() {
        super(METADATA, CHECK);
    }
}
