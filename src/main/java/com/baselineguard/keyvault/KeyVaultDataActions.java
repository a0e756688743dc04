package com.baselineguard.keyvault;

import com.baselineguard.engine.port.KeyVaultGateway;
import java.util.List;

/**
 * The Azure RBAC data actions {@link KeyVaultGateway} performs on a vault that uses the Azure RBAC
 * permission model: grant a custom role with exactly these, scoped to the vaults holding Batch
 * customer-managed keys (without the write when the BATCH-010 fix stays in audit). Vaults on the
 * access-policy model need the key permissions {@code get}, {@code getrotationpolicy} and, for the fix,
 * {@code setrotationpolicy}.
 */
public final class KeyVaultDataActions {

    public static final List<String> ALL = List.of(
            "Microsoft.KeyVault/vaults/keys/read",
            "Microsoft.KeyVault/vaults/keys/rotationpolicy/read",
            "Microsoft.KeyVault/vaults/keys/rotationpolicy/write");

    private KeyVaultDataActions() {
    }
}
