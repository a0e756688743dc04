package com.baselineguard.rules.pool;

import com.baselineguard.model.JsonPath;
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
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** BPOOL-003: inbound NAT endpoints do not accept traffic from any source or the Internet. */
public final class BatchPoolInboundEndpoints extends AbstractRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("BPOOL-003", "BatchPool.InboundEndpoints")
            .resourceType(ResourceType.BATCH_POOL)
            .severity(Severity.HIGH)
            .controls("NS-1")
            .synopsis("Azure Batch pool inbound NAT endpoints should not accept traffic from any source or from the"
                    + " Internet.")
            .recommendation("Remove inbound NAT pools, or give each one explicit network security group rules that"
                    + " allow only narrow trusted sources and deny the rest.")
            .fixClass(FixClass.NONE)
            .build();

    private static final JsonPath NAT_POOLS =
            JsonPath.of("properties.networkConfiguration.endpointConfiguration.inboundNatPools");
    private static final Set<String> ANY_SOURCE = Set.of("*", "internet", "0.0.0.0/0", "any");
    private static final Map<String, String> WELL_KNOWN_PORTS = Map.of("22", "SSH", "3389", "RDP");

    public BatchPoolInboundEndpoints() {
        super(METADATA);
    }

    @Override
    protected Evaluation check(ResourceSnapshot resource, RuleSettings settings) {
        JsonArray natPools = NAT_POOLS.readArray(resource.resource()).orElseGet(JsonArray::new);
        if (natPools.isEmpty()) {
            return Evaluation.pass(NAT_POOLS + " is not set, so no node port is published");
        }
        List<String> open = new ArrayList<>();
        List<String> restricted = new ArrayList<>();
        for (JsonElement element : natPools) {
            if (!element.isJsonObject()) {
                continue;
            }
            JsonObject natPool = element.getAsJsonObject();
            String described = describe(natPool);
            JsonArray rules = JsonPath.of("networkSecurityGroupRules").readArray(natPool).orElseGet(JsonArray::new);
            if (rules.isEmpty()) {
                // Batch 2025-06-01 REST spec, InboundNatPool: "If no network security group rules are specified, a
                // default rule will be created to allow inbound access to the specified backendPort".
                open.add(described + " has no networkSecurityGroupRules, so Batch's default rule allows any source");
                continue;
            }
            List<String> anySource = new ArrayList<>();
            for (JsonElement rule : rules) {
                if (rule.isJsonObject() && allowsAnySource(rule.getAsJsonObject())) {
                    JsonObject r = rule.getAsJsonObject();
                    anySource.add("sourceAddressPrefix " + Values.display(r.get("sourceAddressPrefix"))
                            + JsonPath.of("priority").readString(r).map(p -> " (priority " + p + ")").orElse(""));
                }
            }
            if (anySource.isEmpty()) {
                restricted.add(described);
            } else {
                open.add(described + " allows " + String.join(" and ", anySource));
            }
        }
        if (open.isEmpty()) {
            return Evaluation.pass("every inbound NAT pool allows only specific sources: " + String.join(", ", restricted));
        }
        return Evaluation.fail("inbound NAT endpoints are open to any source: " + String.join("; ", open));
    }

    private static boolean allowsAnySource(JsonObject rule) {
        return JsonPath.of("access").read(rule).map(a -> Values.textEquals(a, "Allow")).orElse(false)
                && JsonPath.of("sourceAddressPrefix").read(rule).map(p -> ANY_SOURCE.contains(Values.lowerText(p)))
                        .orElse(false);
    }

    private static String describe(JsonObject natPool) {
        String name = JsonPath.of("name").readString(natPool).orElse("?");
        String port = JsonPath.of("backendPort").readString(natPool).orElse("?");
        String service = WELL_KNOWN_PORTS.containsKey(port) ? " (" + WELL_KNOWN_PORTS.get(port) + ")" : "";
        return "NAT pool '" + name + "' to backendPort " + port + service;
    }
}
