package com.baselineguard.rules.batch;

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
import com.baselineguard.rules.support.AbstractRule;
import com.baselineguard.rules.support.Applicability;
import com.baselineguard.rules.support.Values;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Optional;

/** BATCH-008: auto-storage is reached with the account's managed identity, not storage keys. */
public final class BatchAutoStorageAuth extends AbstractRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("BATCH-008", "Batch.AutoStorageAuth")
            .resourceType(ResourceType.BATCH_ACCOUNT)
            .severity(Severity.MEDIUM)
            .controls("IM-3", "IM-1")
            .synopsis("A Batch account's auto-storage should authenticate with the account's managed identity instead"
                    + " of storage account keys.")
            .recommendation("Grant the Batch account identity a data role on the auto-storage account, then set"
                    + " autoStorage.authenticationMode to BatchAccountManagedIdentity.")
            .fixClass(FixClass.DISRUPTIVE)
            .precondition("the account has a managed identity")
            .build();

    private static final JsonPath AUTO_STORAGE = JsonPath.of("properties.autoStorage");
    private static final String MANAGED_IDENTITY = "BatchAccountManagedIdentity";

    private static final Applicability HAS_AUTO_STORAGE = Applicability.unless(
            account -> AUTO_STORAGE.readObject(account.resource()).isEmpty(),
            AUTO_STORAGE + " is not set, so the account has no auto-storage account");

    public BatchAutoStorageAuth() {
        super(METADATA, HAS_AUTO_STORAGE);
    }

    @Override
    protected Evaluation check(ResourceSnapshot resource, RuleSettings settings) {
        JsonObject autoStorage = AUTO_STORAGE.readObject(resource.resource()).orElseThrow();
        String path = AUTO_STORAGE + ".authenticationMode";
        Optional<JsonElement> mode = JsonPath.of("authenticationMode").read(autoStorage);
        if (mode.map(m -> Values.textEquals(m, MANAGED_IDENTITY)).orElse(false)) {
            return Evaluation.pass(path + " is " + Values.display(mode.get()));
        }
        String reason = mode.map(m -> path + " is " + Values.display(m))
                .orElse(path + " is not set (absent means StorageKeys)") + "; expected " + MANAGED_IDENTITY;
        return Evaluation.fail(reason, fix(resource, autoStorage));
    }

    /**
     * The whole autoStorage object: storageAccountId is required in the update body (Batch 2025-06-01 REST spec,
     * specification/batch/resource-manager/Microsoft.Batch/Batch/stable/2025-06-01/openapi.json), and an existing
     * nodeIdentityReference is kept so that nodes keep the identity they use.
     */
    private static Fix fix(ResourceSnapshot resource, JsonObject current) {
        Optional<String> storageAccountId = JsonPath.of("storageAccountId").readString(current);
        JsonObject after = new JsonObject();
        after.addProperty("storageAccountId", storageAccountId.orElse(""));
        after.addProperty("authenticationMode", MANAGED_IDENTITY);
        JsonPath.of("nodeIdentityReference").readObject(current)
                .ifPresent(reference -> after.add("nodeIdentityReference", reference.deepCopy()));
        Optional<String> blocker;
        if (storageAccountId.isEmpty()) {
            blocker = Optional.of(AUTO_STORAGE + ".storageAccountId is not set, and the update needs it");
        } else if (!BatchManagedIdentity.hasIdentity(resource)) {
            blocker = Optional.of("the account has no managed identity (" + BatchManagedIdentity.PATH + " is "
                    + resource.value(BatchManagedIdentity.PATH).map(Values::display).orElse("not set")
                    + ") to reach the storage account with; assign one first (BATCH-007)");
        } else {
            blocker = Optional.empty();
        }
        return Fix.of(FixStage.USES_IDENTITY, new Change.Property(AUTO_STORAGE, current.deepCopy(), after))
                .blockedBy(blocker);
    }
}
