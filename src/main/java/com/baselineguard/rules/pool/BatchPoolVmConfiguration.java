package com.baselineguard.rules.pool;

import com.baselineguard.model.JsonPath;
import com.baselineguard.model.MergePatch;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Change;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.Fix;
import com.baselineguard.rules.FixStage;
import com.baselineguard.rules.Status;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A pool's {@code properties.deploymentConfiguration.virtualMachineConfiguration}: whether the rules
 * about it apply, and the fix that changes one of its members.
 *
 * <p>The fix sends the whole current object with the member changed, because
 * {@code virtualMachineConfiguration} requires {@code imageReference} and {@code nodeAgentSkuId}
 * [SP-B-types] (research pitfall 11). Built from the snapshot it is given, so when several pool fixes
 * write this object the planner lets one win a step, re-plans the others on the state that step
 * leaves, and each later body carries the earlier changes.
 */
final class BatchPoolVmConfiguration {

    static final JsonPath PATH = JsonPath.of("properties.deploymentConfiguration.virtualMachineConfiguration");
    private static final JsonPath CLOUD_SERVICE = JsonPath.of("properties.deploymentConfiguration.cloudServiceConfiguration");
    private static final JsonPath NODE_AGENT = JsonPath.of("nodeAgentSkuId");
    private static final JsonPath WINDOWS_CONFIGURATION = JsonPath.of("windowsConfiguration");
    /** The members of imageReference that name a custom image rather than a Marketplace image. */
    private static final List<String> CUSTOM_IMAGE_MEMBERS = List.of("id", "sharedGalleryImageId", "communityGalleryImageId");

    /** Worked out once per snapshot: six pool rules ask. */
    private static final ResourceSnapshot.Derived<Optional<Evaluation>> UNAVAILABLE =
            ResourceSnapshot.Derived.of(BatchPoolVmConfiguration::workOutUnavailable);

    private BatchPoolVmConfiguration() {
    }

    /**
     * The evaluation to report instead of checking the VM configuration: not_applicable for a pool on the
     * retired Cloud Services configuration, not_evaluated when the snapshot carries neither (e.g. a list
     * read with {@code $select}); empty when the pool has a VM configuration.
     */
    static Optional<Evaluation> unavailable(ResourceSnapshot pool) {
        return pool.derive(UNAVAILABLE);
    }

    private static Optional<Evaluation> workOutUnavailable(ResourceSnapshot pool) {
        if (PATH.readObject(pool.resource()).isPresent()) {
            return Optional.empty();
        }
        if (CLOUD_SERVICE.read(pool.resource()).isPresent()) {
            return Optional.of(Evaluation.notApplicable("the pool uses the retired Cloud Services configuration ("
                    + CLOUD_SERVICE + ") and has no " + PATH));
        }
        return Optional.of(Evaluation.notEvaluated("the snapshot does not carry " + PATH));
    }

    /** The VM configuration; call only when {@link #unavailable} is empty. */
    static JsonObject of(ResourceSnapshot pool) {
        return PATH.readObject(pool.resource()).orElseThrow();
    }

    /**
     * True for Windows pools: a {@code windowsConfiguration}, which "must not be specified if the
     * imageReference specifies a Linux OS image", or a Windows node agent ({@code batch.node.windows amd64}),
     * a heuristic on the node agent SKU, which is required on every VM configuration.
     */
    static boolean windows(JsonObject vm) {
        return WINDOWS_CONFIGURATION.readObject(vm).isPresent()
                || NODE_AGENT.readString(vm).map(s -> s.trim().toLowerCase(Locale.ROOT).startsWith("batch.node.windows"))
                        .orElse(false);
    }

    /**
     * The {@code imageReference} member that names a custom image (a managed Virtual Machine Image or an
     * Azure Compute Gallery image: {@code id}, {@code sharedGalleryImageId} or {@code communityGalleryImageId}),
     * as {@code imageReference.<member>}; empty for a Marketplace image.
     */
    static Optional<String> customImage(JsonObject vm) {
        Optional<JsonObject> image = JsonPath.of("imageReference").readObject(vm);
        if (image.isEmpty()) {
            return Optional.empty();
        }
        for (String member : CUSTOM_IMAGE_MEMBERS) {
            if (JsonPath.of(member).readString(image.get()).filter(s -> !s.isBlank()).isPresent()) {
                return Optional.of("imageReference." + JsonPath.memberName(image.get(), member));
            }
        }
        return Optional.empty();
    }

    /**
     * The failing evaluation with a fix that merges {@code member} into the current VM configuration;
     * any other evaluation unchanged.
     */
    static Evaluation withFix(Evaluation evaluation, ResourceSnapshot pool, JsonObject member) {
        if (evaluation.status() != Status.FAIL) {
            return evaluation;
        }
        JsonObject before = of(pool);
        JsonObject after = MergePatch.apply(before, member);
        // before is the snapshot's own object, and after shares its untouched members: snapshots and fixes are
        // never modified (MergePatch), and reports copy what they print.
        Fix fix = Fix.of(FixStage.HARDENING, new Change.Property(PATH, before, after))
                .blockedBy(BatchPoolDrained.blocker(pool));
        return Evaluation.fail(evaluation.reason(), fix);
    }
}
