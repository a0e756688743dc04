package com.baselineguard.engine;

import com.baselineguard.model.MergePatch;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Change;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies plan steps to a snapshot in memory, the way ARM applies them: a PATCH body is merged into
 * the resource ({@link MergePatch}), a PUT creates or replaces the
 * extension resource of that name. Used to plan later steps against the state earlier ones leave and
 * to prove that a plan makes its rules pass.
 */
public final class SnapshotPatcher {

    private SnapshotPatcher() {
    }

    /** The snapshot after a PATCH of the resource with {@code body}. */
    public static ResourceSnapshot patch(ResourceSnapshot snapshot, JsonObject body) {
        return snapshot.withResource(MergePatch.apply(snapshot.resource(), body));
    }

    /** The snapshot after an extension resource PUT. */
    public static ResourceSnapshot put(ResourceSnapshot snapshot, Change.ExtensionResource change) {
        String id = snapshot.id() + "/" + change.relativeId();
        JsonObject created = change.after().deepCopy();
        created.addProperty("id", id);
        created.addProperty("name", change.name());
        created.addProperty("type", change.kind() == RelatedKind.DIAGNOSTIC_SETTINGS
                ? "Microsoft.Insights/diagnosticSettings" : change.kind().description());
        List<JsonObject> items = new ArrayList<>();
        for (JsonObject existing : snapshot.related(change.kind()).orElse(List.of())) {
            boolean sameName = Optional.ofNullable(existing.get("name")).filter(JsonElement::isJsonPrimitive)
                    .map(n -> n.getAsString().equalsIgnoreCase(change.name())).orElse(false);
            if (!sameName) {
                items.add(existing);
            }
        }
        items.add(created);
        return snapshot.withRelated(change.kind(), items);
    }

    /** The snapshot after a key's rotation policy is replaced: the key summary carries the new policy. */
    public static ResourceSnapshot rotationPolicy(ResourceSnapshot snapshot, Change.KeyRotationPolicy change) {
        List<JsonObject> keys = new ArrayList<>();
        for (JsonObject key : snapshot.related(RelatedKind.KEYS).orElse(List.of())) {
            boolean same = Optional.ofNullable(key.get("keyIdentifier")).filter(JsonElement::isJsonPrimitive)
                    .map(k -> k.getAsString().equalsIgnoreCase(change.keyIdentifier())).orElse(false);
            if (same) {
                JsonObject updated = key.deepCopy();
                updated.remove("rotationPolicyError");
                updated.add("rotationPolicy", change.after().deepCopy());
                keys.add(updated);
            } else {
                keys.add(key);
            }
        }
        return snapshot.withRelated(RelatedKind.KEYS, keys);
    }

    /** Applies a whole step. */
    public static ResourceSnapshot apply(ResourceSnapshot snapshot, PlanStep step) {
        if (step.request() instanceof PlanStep.PatchResource patch) {
            return patch(snapshot, patch.body());
        }
        ResourceSnapshot result = snapshot;
        for (PlannedChange planned : step.changes()) {
            if (planned.change() instanceof Change.ExtensionResource extension) {
                result = put(result, extension);
            } else if (planned.change() instanceof Change.KeyRotationPolicy policy) {
                result = rotationPolicy(result, policy);
            }
        }
        return result;
    }
}
