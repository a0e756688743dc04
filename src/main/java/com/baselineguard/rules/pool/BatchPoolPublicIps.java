package com.baselineguard.rules.pool;

import com.baselineguard.model.JsonPath;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.Change;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.Fix;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.FixStage;
import com.baselineguard.rules.Rule;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.Status;
import com.baselineguard.rules.support.PropertyCheck;
import com.baselineguard.rules.support.Values;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** BPOOL-002: pool nodes get no public IP addresses. */
public final class BatchPoolPublicIps implements Rule {

    private static final RuleMetadata METADATA = new RuleMetadata("BPOOL-002", "BatchPool.PublicIps",
            ResourceType.BATCH_POOL, Severity.HIGH, List.of("NS-1", "NS-2"),
            "Azure Batch pool nodes should not be given public IP addresses.",
            "Deploy pools into a subnet with an outbound path and set publicIPAddressConfiguration.provision to"
                    + " NoPublicIPAddresses.",
            FixClass.DISRUPTIVE, BatchPoolDrained.PRECONDITION + ", a subnetId, and no inbound NAT pools");

    private static final JsonPath NETWORK = JsonPath.of("properties.networkConfiguration");
    private static final JsonPath SUBNET = JsonPath.of("subnetId");
    private static final JsonPath NAT_POOLS = JsonPath.of("endpointConfiguration.inboundNatPools");

    // Absent means BatchManaged, the default in [SP-B-types]; UserManaged also gives nodes public IPs.
    private static final PropertyCheck CHECK =
            PropertyCheck.at("properties.networkConfiguration.publicIPAddressConfiguration.provision")
                    .expect("NoPublicIPAddresses", v -> Values.textEquals(v, "NoPublicIPAddresses"))
                    .whenAbsent(false, "absent means BatchManaged: Batch gives every node a public IP address");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Evaluation evaluate(ResourceSnapshot resource, RuleSettings settings) {
        Evaluation evaluation = CHECK.evaluate(resource);
        if (evaluation.status() != Status.FAIL) {
            return evaluation;
        }
        JsonObject before = NETWORK.readObject(resource.resource()).orElseGet(JsonObject::new);
        // The whole networkConfiguration goes in the body, because pools replace it as a unit [SP-B-types],
        // [D-B7]: subnetId and the other current members must be sent again. The public IP configuration is
        // replaced whole, dropping ipAddressIds and ipFamilies, which only describe public IPs.
        // The other members are shared with the snapshot, which is never modified.
        JsonObject after = new JsonObject();
        for (Map.Entry<String, JsonElement> member : before.entrySet()) {
            if (!member.getKey().equalsIgnoreCase("publicIPAddressConfiguration")) {
                after.add(member.getKey(), member.getValue());
            }
        }
        JsonObject noPublicIps = new JsonObject();
        noPublicIps.addProperty("provision", "NoPublicIPAddresses");
        after.add("publicIPAddressConfiguration", noPublicIps);
        Fix fix = Fix.of(FixStage.HARDENING, new Change.Property(NETWORK, before, after))
                .blockedBy(blocker(resource, before));
        return Evaluation.fail(evaluation.reason(), fix);
    }

    private static Optional<String> blocker(ResourceSnapshot pool, JsonObject network) {
        List<String> problems = new ArrayList<>();
        BatchPoolDrained.blocker(pool).ifPresent(problems::add);
        if (SUBNET.readString(network).filter(s -> !s.isBlank()).isEmpty()) {
            problems.add("properties.networkConfiguration.subnetId is not set, and a pool without public IPs needs"
                    + " a subnet with an outbound path");
        }
        if (NAT_POOLS.readArray(network).filter(a -> !a.isEmpty()).isPresent()) {
            problems.add("properties.networkConfiguration.endpointConfiguration.inboundNatPools is set, which cannot"
                    + " be combined with NoPublicIPAddresses");
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }
}
