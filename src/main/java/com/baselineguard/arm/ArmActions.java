package com.baselineguard.arm;

import com.baselineguard.engine.port.ArmGateway;
import java.util.List;

/**
 * Every Azure RBAC action the code performs, and nothing more. The custom role in infra/ must grant
 * exactly these (a test keeps the two equal). Reads cover the GETs of {@link ArmGateway}; writes the
 * PATCHes of the remediation plans and the diagnostic-setting PUTs; the child-list reads the related data
 * of {@link RelatedCollection} (firewall rules, private endpoint connections, certificates); Resource Graph needs read on the
 * resources it returns, which the reads above give (Key Vaults: the vault holding a Batch account's
 * customer-managed key, BATCH-010). Key Vault data-plane actions are not ARM actions: see
 * {@code com.baselineguard.keyvault.KeyVaultDataActions}.
 */
public final class ArmActions {

    public static final List<String> ALL = List.of(
            "Microsoft.Cache/redis/read",
            "Microsoft.Cache/redis/write",
            "Microsoft.Cache/redis/firewallRules/read",
            "Microsoft.Cache/redis/privateEndpointConnections/read",
            "Microsoft.Cache/redisEnterprise/read",
            "Microsoft.Cache/redisEnterprise/write",
            "Microsoft.Cache/redisEnterprise/privateEndpointConnections/read",
            "Microsoft.Cache/redisEnterprise/databases/read",
            "Microsoft.Cache/redisEnterprise/databases/write",
            "Microsoft.Batch/batchAccounts/read",
            "Microsoft.Batch/batchAccounts/write",
            "Microsoft.Batch/batchAccounts/privateEndpointConnections/read",
            "Microsoft.Batch/batchAccounts/certificates/read",
            "Microsoft.Batch/batchAccounts/pools/read",
            "Microsoft.Batch/batchAccounts/pools/write",
            "Microsoft.Insights/diagnosticSettings/read",
            "Microsoft.Insights/diagnosticSettings/write",
            "Microsoft.KeyVault/vaults/read",
            "Microsoft.ResourceGraph/resources/read");

    private ArmActions() {
    }
}
