package com.baselineguard.rules.redis;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.AbstractRule;
import com.baselineguard.rules.support.Values;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.util.Optional;

/**
 * REDIS-017: the cache is zone redundant, with the logic of Azure Policy 1bf67da8-b100-45bf-b89d-e4669fc54411. Detect
 * only: zones are create-only (only RedisCreateParameters has them in the 2024-11-01 REST spec,
 * specification/redis/resource-manager/Microsoft.Cache/Redis/stable/2024-11-01/redis.json;
 * https://learn.microsoft.com/azure/reliability/migrate-cache-redis).
 */
public final class RedisZoneRedundancy extends AbstractRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("REDIS-017", "Redis.ZoneRedundancy")
            .resourceType(ResourceType.REDIS)
            .severity(Severity.LOW)
            .controls("9.1")
            .synopsis("Azure Cache for Redis should be zone redundant: not Basic, not NoZones, and on two or more"
                    + " zones or automatic zone allocation.")
            .recommendation("Use Standard or Premium with zonalAllocationPolicy Automatic or at least two zones; zones"
                    + " cannot be changed in place, so redeploy or migrate.")
            .fixClass(FixClass.NONE)
            .build();

    public RedisZoneRedundancy() {
        super(METADATA);
    }

    @Override
    protected Evaluation check(ResourceSnapshot resource, RuleSettings settings) {
        if (resource.value("properties.sku.name").map(v -> Values.textEquals(v, "Basic")).orElse(false)) {
            return Evaluation.fail("properties.sku.name is Basic, a single node that cannot be zone redundant");
        }
        Optional<JsonElement> policy = resource.value("properties.zonalAllocationPolicy");
        if (policy.map(v -> Values.textEquals(v, "NoZones")).orElse(false)) {
            return Evaluation.fail("properties.zonalAllocationPolicy is \"NoZones\"");
        }
        if (policy.map(v -> Values.textEquals(v, "Automatic")).orElse(false)) {
            return Evaluation.pass("properties.zonalAllocationPolicy is \"Automatic\"");
        }
        int zones = resource.value("zones").filter(JsonElement::isJsonArray).map(JsonElement::getAsJsonArray)
                .map(JsonArray::size).orElse(0);
        String policyText = "properties.zonalAllocationPolicy is " + Values.display(policy.orElse(null));
        if (zones >= 2) {
            return Evaluation.pass("the cache is in " + zones + " zones and " + policyText);
        }
        return Evaluation.fail("the cache is in " + zones + (zones == 1 ? " zone" : " zones") + " and " + policyText
                + "; expected 2 or more zones or zonalAllocationPolicy Automatic");
    }
}
