package com.baselineguard.rules.pool;

import com.baselineguard.model.JsonPath;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.Change;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.Fix;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.FixStage;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.Status;
import com.baselineguard.rules.support.AbstractRule;
import com.baselineguard.rules.support.PropertyCheck;
import com.baselineguard.rules.support.Values;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * BPOOL-002: pool nodes get no public IP addresses. A pool without public IP addresses needs simplified
 * compute node communication, and classic communication was retired on 31 March 2026, so the finding says
 * when the pool, read at Batch 2025-06-01, still reports {@code Classic}. The fix never sends
 * {@code targetNodeCommunicationMode}: Batch api-version 2026-08-01 no longer has it.
 */
public final class BatchPoolPublicIps extends AbstractRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("BPOOL-002", "BatchPool.PublicIps")
            .resourceType(ResourceType.BATCH_POOL)
            .severity(Severity.HIGH)
            .controls("NS-1", "NS-2")
            .synopsis("Azure Batch pool nodes should not be given public IP addresses.")
            .recommendation("Deploy pools into a subnet with an outbound path and set"
                    + " publicIPAddressConfiguration.provision to NoPublicIPAddresses.")
            .fixClass(FixClass.DISRUPTIVE)
            .precondition(BatchPoolDrained.PRECONDITION + ", a subnetId, and no inbound NAT pools")
            .build();

    private static final JsonPath NETWORK = JsonPath.of("properties.networkConfiguration");
    private static final JsonPath SUBNET = JsonPath.of("subnetId");
    private static final JsonPath NAT_POOLS = JsonPath.of("endpointConfiguration.inboundNatPools");
    private static final JsonPath TARGET_MODE = JsonPath.of("properties.targetNodeCommunicationMode");
    private static final JsonPath CURRENT_MODE = JsonPath.of("properties.currentNodeCommunicationMode");

    // Absent means BatchManaged: "The default value is BatchManaged" (Batch 2025-06-01 PublicIPAddressConfiguration);
    // UserManaged also gives nodes public IPs.
    private static final PropertyCheck CHECK =
            PropertyCheck.at("properties.networkConfiguration.publicIPAddressConfiguration.provision")
                    .expect("NoPublicIPAddresses", v -> Values.textEquals(v, "NoPublicIPAddresses"))
                    .whenAbsent(false, "absent means BatchManaged: Batch gives every node a public IP address");

    public BatchPoolPublicIps() {
        super(METADATA);
    }

    @Override
    protected Evaluation check(ResourceSnapshot resource, RuleSettings settings) {
        Evaluation evaluation = CHECK.evaluate(resource);
        Optional<String> classic = classicCommunication(resource);
        if (evaluation.status() != Status.FAIL) {
            return classic.map(note -> new Evaluation(evaluation.status(), evaluation.reason() + "; " + note,
                    Optional.empty())).orElse(evaluation);
        }
        String reason = evaluation.reason() + classic.map(note -> "; " + note).orElse("");
        JsonObject before = NETWORK.readObject(resource.resource()).orElseGet(JsonObject::new);
        // The whole networkConfiguration goes in the body, with subnetId and the other current members sent again
        // (Batch 2025-06-01 NetworkConfiguration; the spec does not say that members left out are kept). The
        // public IP configuration is replaced whole, dropping ipAddressIds and ipFamilies, which only describe
        // public IPs. No member of networkConfiguration is write-only, so nothing secret is lost.
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
        return Evaluation.fail(reason, fix);
    }

    /**
     * The note for a pool that still reports classic node communication (target or current), or empty.
     * Learn: classic communication "will be retired on 31 March 2026"; a pool without public IP addresses
     * "requires using simplified compute node communication".
     */
    private static Optional<String> classicCommunication(ResourceSnapshot pool) {
        List<String> classic = new ArrayList<>();
        for (JsonPath mode : List.of(TARGET_MODE, CURRENT_MODE)) {
            mode.read(pool.resource()).filter(v -> Values.textEquals(v, "Classic"))
                    .ifPresent(v -> classic.add(mode + " is " + Values.display(v)));
        }
        if (classic.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(" and ", classic) + ": classic compute node communication was retired on"
                + " 2026-03-31, and a pool without public IP addresses requires simplified compute node communication");
    }

    private static Optional<String> blocker(ResourceSnapshot pool, JsonObject network) {
        List<String> problems = new ArrayList<>();
        BatchPoolDrained.blocker(pool).ifPresent(problems::add);
        TARGET_MODE.read(pool.resource()).filter(v -> Values.textEquals(v, "Classic")).ifPresent(v -> problems.add(
                TARGET_MODE + " is \"Classic\"; set it to Simplified by hand first (Baseline Guard never sends it:"
                        + " Batch api-version 2026-08-01 no longer has the member)"));
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
