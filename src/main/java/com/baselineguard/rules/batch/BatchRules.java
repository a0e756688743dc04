package com.baselineguard.rules.batch;

import com.baselineguard.rules.Rule;
import java.util.List;

/** The Batch account rules, in id order. */
public final class BatchRules {

    private BatchRules() {
    }

    public static List<Rule> all() {
        return List.of(
                new BatchPublicNetworkAccess(),
                new BatchAccountIpRules(),
                new BatchNodeManagementIpRules(),
                new BatchPrivateEndpoint(),
                new BatchLocalAuth(),
                new BatchSharedKeyAuth(),
                new BatchManagedIdentity(),
                new BatchAutoStorageAuth(),
                new BatchCustomerManagedKey(),
                new BatchCmkKeyManagement(),
                new BatchLegacyCertificates(),
                new BatchDiagnosticLogs(),
                new BatchAllowedConfiguration());
    }
}
