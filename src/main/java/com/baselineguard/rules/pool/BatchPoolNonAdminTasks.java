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
import java.util.ArrayList;
import java.util.List;

/** BPOOL-009: the start task auto-user and the pool's user accounts are not administrators. */
public final class BatchPoolNonAdminTasks extends AbstractRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("BPOOL-009", "BatchPool.NonAdminTasks")
            .resourceType(ResourceType.BATCH_POOL)
            .severity(Severity.MEDIUM)
            .controls("PA-7")
            .synopsis("Azure Batch pool start tasks and user accounts should run without administrator elevation"
                    + " unless it is justified.")
            .recommendation("Set elevationLevel to NonAdmin for the start task auto-user and pool user accounts, and"
                    + " exempt pools that genuinely need admin with the exemption tag.")
            .fixClass(FixClass.NONE)
            .build();

    private static final JsonPath START_TASK = JsonPath.of("properties.startTask.userIdentity.autoUser.elevationLevel");
    private static final JsonPath USER_ACCOUNTS = JsonPath.of("properties.userAccounts");
    private static final JsonPath ELEVATION = JsonPath.of("elevationLevel");

    public BatchPoolNonAdminTasks() {
        super(METADATA);
    }

    @Override
    protected Evaluation check(ResourceSnapshot resource, RuleSettings settings) {
        // An absent elevationLevel means NonAdmin, the default in the Batch 2025-06-01 REST spec
        // (specification/batch/resource-manager/Microsoft.Batch/Batch/stable/2025-06-01/openapi.json).
        List<String> admins = new ArrayList<>();
        if (START_TASK.read(resource.resource()).map(BatchPoolNonAdminTasks::admin).orElse(false)) {
            admins.add(START_TASK + " is \"Admin\"");
        }
        List<JsonElement> accounts = USER_ACCOUNTS.readArray(resource.resource()).map(JsonArray::asList).orElse(List.of());
        for (JsonElement account : accounts) {
            if (account.isJsonObject()
                    && ELEVATION.read(account.getAsJsonObject()).map(BatchPoolNonAdminTasks::admin).orElse(false)) {
                admins.add("user account '" + JsonPath.of("name").readString(account.getAsJsonObject()).orElse("?")
                        + "' has elevationLevel \"Admin\"");
            }
        }
        if (admins.isEmpty()) {
            return Evaluation.pass("neither the start task auto-user nor any of " + accounts.size()
                    + " user accounts has elevationLevel Admin (absent means NonAdmin)");
        }
        return Evaluation.fail(String.join("; ", admins) + "; expected NonAdmin");
    }

    private static boolean admin(JsonElement level) {
        return Values.textEquals(level, "Admin");
    }
}
