package com.baselineguard.rules.batch;

import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;

/** The published Batch account shapes the Batch rule tests start from, and settings for them. */
final class Accounts {

    static final String DIR = "Microsoft.Batch/batchAccounts/";

    private Accounts() {
    }

    /** publicNetworkAccess Enabled, identity None, autoStorage without authenticationMode, nothing else set. */
    static ResourceSnapshot get() {
        return Fixtures.snapshot(DIR + "2025-06-01_BatchAccountGet.json");
    }

    /** publicNetworkAccess Disabled, no identity element, one Approved connection without groupIds. */
    static ResourceSnapshot privateGet() {
        return Fixtures.snapshot(DIR + "2025-06-01_PrivateBatchAccountGet.json");
    }

    /** identity UserAssigned, autoStorage without authenticationMode. */
    static ResourceSnapshot userAssigned() {
        return Fixtures.snapshot(DIR + "2025-06-01_BatchAccountCreate_UserAssignedIdentity.json");
    }

    /** The published connection list item (groupIds [batchAccount], Approved), optionally changed. */
    static JsonObject connection() {
        return Fixtures.items(DIR + "privateEndpointConnections/2025-06-01_PrivateEndpointConnectionsList.json")
                .get(0).deepCopy();
    }

    static ResourceSnapshot withConnections(ResourceSnapshot account, List<JsonObject> connections) {
        return Fixtures.related(account, RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS, connections);
    }

    static RuleSettings settings(List<String> accountIps, List<String> nodeManagementIps, List<String> locations) {
        return new RuleSettings(Optional.empty(), RuleSettings.DEFAULT_DIAGNOSTIC_SETTING_NAME, accountIps,
                nodeManagementIps, locations, List.of(), 10, 10);
    }
}
