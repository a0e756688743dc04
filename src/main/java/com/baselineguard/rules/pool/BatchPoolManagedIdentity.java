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
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * BPOOL-008: the pool has a user-assigned identity and its storage mounts and container registries use it rather than
 * keys or passwords. Secrets are write-only ({@code x-ms-secret} in the Batch 2025-06-01 REST spec,
 * specification/batch/resource-manager/Microsoft.Batch/Batch/stable/2025-06-01/openapi.json), so their use is inferred
 * from what the response does show: an account or user name without an {@code identityReference}.
 */
public final class BatchPoolManagedIdentity extends AbstractRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("BPOOL-008", "BatchPool.ManagedIdentity")
            .resourceType(ResourceType.BATCH_POOL)
            .severity(Severity.MEDIUM)
            .controls("IM-3")
            .synopsis("Azure Batch pools should use a user-assigned managed identity, not keys or passwords, for"
                    + " storage mounts and container registries.")
            .recommendation("Assign a user-assigned identity to the pool and use identityReference for blob mounts and"
                    + " container registries instead of account keys, SAS keys or passwords.")
            .fixClass(FixClass.NONE)
            .build();

    private static final JsonPath IDENTITY_TYPE = JsonPath.of("identity.type");
    private static final JsonPath MOUNTS = JsonPath.of("properties.mountConfiguration");
    private static final JsonPath REGISTRIES =
            JsonPath.of(BatchPoolVmConfiguration.PATH + ".containerConfiguration.containerRegistries");
    private static final JsonPath IDENTITY_REFERENCE = JsonPath.of("identityReference");

    public BatchPoolManagedIdentity() {
        super(METADATA);
    }

    @Override
    protected Evaluation check(ResourceSnapshot resource, RuleSettings settings) {
        List<String> problems = new ArrayList<>();
        Optional<JsonElement> type = IDENTITY_TYPE.read(resource.resource());
        if (type.isEmpty()) {
            problems.add("identity is not set (the pool has no managed identity)");
        } else if (!Values.textEquals(type.get(), "UserAssigned")) {
            problems.add("identity.type is " + Values.display(type.get()) + "; expected UserAssigned");
        }
        List<JsonObject> mounts = BatchPoolVmConfiguration.objects(MOUNTS.readArray(resource.resource()));
        for (JsonObject mount : mounts) {
            mountSecret(mount).ifPresent(problems::add);
        }
        List<JsonObject> registries = BatchPoolVmConfiguration.objects(REGISTRIES.readArray(resource.resource()));
        for (JsonObject registry : registries) {
            if (BatchPoolVmConfiguration.signsInWithPassword(registry) && IDENTITY_REFERENCE.read(registry).isEmpty()) {
                problems.add("container registry " + BatchPoolVmConfiguration.quoted(registry, "registryServer")
                        + " uses a username and password instead of an identityReference");
            }
        }
        if (problems.isEmpty()) {
            return Evaluation.pass("identity.type is \"UserAssigned\" and none of " + mounts.size()
                    + " mounts and " + registries.size() + " container registries uses a key or password");
        }
        return Evaluation.fail(String.join("; ", problems));
    }

    /** How a mount uses a secret, or empty when it uses the identity or needs no credential (NFS). */
    private static Optional<String> mountSecret(JsonObject mount) {
        Optional<JsonObject> blob = JsonPath.of("azureBlobFileSystemConfiguration").readObject(mount);
        if (blob.isPresent() && IDENTITY_REFERENCE.read(blob.get()).isEmpty()) {
            return Optional.of("blob mount of account " + BatchPoolVmConfiguration.quoted(blob.get(), "accountName")
                    + " has no identityReference, so it uses an accountKey or sasKey");
        }
        // Azure Files (accountKey required) and CIFS (password required) have no identity option (Batch 2025-06-01
        // REST spec: AzureFileShareConfiguration, CifsMountConfiguration).
        Optional<JsonObject> files = JsonPath.of("azureFileShareConfiguration").readObject(mount);
        if (files.isPresent()) {
            return Optional.of("Azure Files mount " + BatchPoolVmConfiguration.quoted(files.get(), "azureFileUrl") + " uses an accountKey");
        }
        Optional<JsonObject> cifs = JsonPath.of("cifsMountConfiguration").readObject(mount);
        if (cifs.isPresent()) {
            return Optional.of("CIFS mount " + BatchPoolVmConfiguration.quoted(cifs.get(), "source") + " uses a password");
        }
        return Optional.empty();
    }
}
