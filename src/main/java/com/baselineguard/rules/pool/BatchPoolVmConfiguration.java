package com.baselineguard.rules.pool;

import com.baselineguard.model.JsonPath;
import com.baselineguard.model.MergePatch;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Change;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.Fix;
import com.baselineguard.rules.FixStage;
import com.baselineguard.rules.Status;
import com.baselineguard.rules.support.Applicability;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A pool's {@code properties.deploymentConfiguration.virtualMachineConfiguration}: whether the rules
 * about it apply, and the fix that changes one of its members.
 *
 * <p>The fix sends the whole current object with the member changed, because
 * {@code virtualMachineConfiguration} requires {@code imageReference} and {@code nodeAgentSkuId} (Batch
 * 2025-06-01, specification/batch/resource-manager/Microsoft.Batch/stable/2025-06-01/BatchManagement.json).
 * Built from the snapshot it is given, so when several pool fixes write this object the planner lets one
 * win a step, re-plans the others on the state that step leaves, and each later body carries the earlier
 * changes.
 *
 * <p>That object comes from a GET, which never returns the write-only ({@code x-ms-secret}) members
 * {@code containerConfiguration.containerRegistries[].password} and {@code extensions[].protectedSettings}.
 * The spec says of Pool_Update only that "Properties that are supplied will be updated, any property not
 * supplied will be unchanged"; it does not say how members nested in {@code virtualMachineConfiguration}
 * merge, so a body without those secrets could drop them. The fix is therefore blocked on any pool whose
 * VM configuration can hold one ({@link #secretBlocker}).
 */
final class BatchPoolVmConfiguration {

    static final JsonPath PATH = JsonPath.of("properties.deploymentConfiguration.virtualMachineConfiguration");
    private static final JsonPath CLOUD_SERVICE = JsonPath.of("properties.deploymentConfiguration.cloudServiceConfiguration");
    private static final JsonPath NODE_AGENT = JsonPath.of("nodeAgentSkuId");
    private static final JsonPath WINDOWS_CONFIGURATION = JsonPath.of("windowsConfiguration");
    private static final JsonPath REGISTRIES = JsonPath.of("containerConfiguration.containerRegistries");
    private static final JsonPath EXTENSIONS = JsonPath.of("extensions");
    /** The members of imageReference that name a custom image rather than a Marketplace image. */
    private static final List<String> CUSTOM_IMAGE_MEMBERS = List.of("id", "sharedGalleryImageId", "communityGalleryImageId");

    /** Worked out once per snapshot: six pool rules ask. */
    private static final ResourceSnapshot.Derived<Optional<Evaluation>> UNAVAILABLE =
            ResourceSnapshot.Derived.of(BatchPoolVmConfiguration::workOutUnavailable);

    /**
     * Where the rules about the VM configuration apply: not_applicable for a pool on the retired Cloud Services
     * configuration, not_evaluated when the snapshot carries neither (e.g. a list read with {@code $select}).
     */
    static final Applicability REQUIRED = pool -> pool.derive(UNAVAILABLE);

    private BatchPoolVmConfiguration() {
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

    /** The VM configuration; call only when {@link #REQUIRED} lets the rule apply. */
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
     * Why resending this VM configuration could drop a write-only secret, or empty when it cannot hold one:
     * a container registry that signs in with a user name (its {@code password} is never returned), or any
     * VM extension (its {@code protectedSettings} are never returned, so a GET cannot show whether it has them).
     */
    static Optional<String> secretBlocker(JsonObject vm) {
        List<String> holders = new ArrayList<>();
        for (JsonObject registry : objects(REGISTRIES.readArray(vm))) {
            if (signsInWithPassword(registry)) {
                holders.add("container registry " + quoted(registry, "registryServer")
                        + " signs in with a username and password");
            }
        }
        List<String> extensions = new ArrayList<>();
        for (JsonObject extension : objects(EXTENSIONS.readArray(vm))) {
            extensions.add(quoted(extension, "name"));
        }
        if (!extensions.isEmpty()) {
            holders.add("extension" + (extensions.size() == 1 ? " " : "s ") + String.join(", ", extensions)
                    + (extensions.size() == 1 ? " can hold" : " can each hold") + " protectedSettings");
        }
        if (holders.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(PATH + " would be sent whole, rebuilt from a GET that never returns write-only secrets"
                + " (containerRegistries[].password, extensions[].protectedSettings), and " + String.join("; ", holders)
                + ", so the PATCH could drop them; change this pool by hand with the secrets included");
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
        List<String> blockers = new ArrayList<>();
        secretBlocker(before).ifPresent(blockers::add);
        BatchPoolDrained.blocker(pool).ifPresent(blockers::add);
        // before is the snapshot's own object, and after shares its untouched members: snapshots and fixes are
        // never modified (MergePatch), and reports copy what they print.
        Fix fix = Fix.of(FixStage.HARDENING, new Change.Property(PATH, before, after))
                .blockedBy(blockers.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", blockers)));
        return Evaluation.fail(evaluation.reason(), fix);
    }

    /** Whether a container registry signs in with a user name and password (either member, any casing). */
    static boolean signsInWithPassword(JsonObject registry) {
        return JsonPath.member(registry, "username") != null || JsonPath.member(registry, "password") != null;
    }

    /** The objects of {@code array}, other elements skipped; none when absent. */
    static List<JsonObject> objects(Optional<JsonArray> array) {
        return array.map(a -> a.asList().stream().filter(JsonElement::isJsonObject).map(JsonElement::getAsJsonObject)
                .toList()).orElse(List.of());
    }

    /** The string {@code member} of {@code object} in single quotes, {@code '?'} when absent. */
    static String quoted(JsonObject object, String member) {
        return "'" + JsonPath.of(member).readString(object).orElse("?") + "'";
    }
}
