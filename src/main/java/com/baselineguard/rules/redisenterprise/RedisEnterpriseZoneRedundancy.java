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
import com.google.gson.JsonElement;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * REDISENT-009: the cluster spans availability zones 1, 2 and 3 (policy 408934a8, PSRule Azure.RedisEnterprise.Zones).
 * Azure Managed Redis clusters do not list zones; their read-only {@code redundancyMode} {@code ZR} says the same
 * (2025-07-01 REST spec,
 * specification/redisenterprise/resource-manager/Microsoft.Cache/RedisEnterprise/stable/2025-07-01/redisenterprise.json).
 * Detect only: zones are chosen at creation.
 */
public final class RedisEnterpriseZoneRedundancy extends AbstractRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("REDISENT-009", "RedisEnterprise.ZoneRedundancy")
            .resourceType(ResourceType.REDIS_ENTERPRISE)
            .severity(Severity.LOW)
            .controls("9.1")
            .synopsis("Azure Managed Redis and Redis Enterprise clusters should be zone redundant: deployed to zones"
                    + " 1, 2 and 3, or reported with redundancyMode ZR.")
            .recommendation("Create the cluster in a region with availability zones, across zones 1, 2 and 3 (Azure"
                    + " Managed Redis: high availability enabled); zones cannot be changed in place, so redeploy or"
                    + " migrate.")
            .fixClass(FixClass.NONE)
            .build();

    private static final Set<String> ALL_ZONES = Set.of("1", "2", "3");

    public RedisEnterpriseZoneRedundancy() {
        super(METADATA);
    }

    @Override
    protected Evaluation check(ResourceSnapshot resource, RuleSettings settings) {
        Set<String> zones = new TreeSet<>();
        resource.value("zones").filter(JsonElement::isJsonArray).ifPresent(a -> a.getAsJsonArray()
                .forEach(z -> zones.add(Values.lowerText(z))));
        if (zones.containsAll(ALL_ZONES)) {
            return Evaluation.pass("the cluster is in zones " + String.join(", ", zones));
        }
        Optional<JsonElement> mode = resource.value("properties.redundancyMode");
        if (mode.map(v -> Values.textEquals(v, "ZR")).orElse(false)) {
            return Evaluation.pass("properties.redundancyMode is \"ZR\" (zone redundant)");
        }
        String zoneText = zones.isEmpty() ? "no zones are listed" : "the cluster is in zones " + String.join(", ", zones);
        return Evaluation.fail(zoneText + " and properties.redundancyMode is " + Values.display(mode.orElse(null))
                + "; expected zones 1, 2 and 3 or redundancyMode \"ZR\"");
    }
}
