package com.baselineguard.keyvault;

import com.azure.core.credential.TokenCredential;
import com.baselineguard.engine.port.KeyVaultGateway;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds the {@link SdkKeyVaultGateway} with the credential ARM uses, for a cloud's Key Vault hosts:
 * {@code vault.azure.net} and {@code managedhsm.azure.net} (AzureCloud), {@code vault.azure.cn}
 * (AzureChinaCloud), {@code vault.usgovcloudapi.net} (AzureUSGovernment), or the hosts under a DNS suffix
 * configured instead ({@code AZURE_KEY_VAULT_DNS_SUFFIX}: Azure Stack Hub, a local stand-in). Those hosts
 * are not Key Vault's own, so the SDK's challenge resource verification is turned off for them. The settings
 * are read in config ({@code AzureSettings}).
 */
public final class KeyVaultConnection {

    /** The most one Key Vault request may take, retries included. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private KeyVaultConnection() {
    }

    /**
     * @param cloud {@code AzureCloud}, {@code AzureChinaCloud} or {@code AzureUSGovernment}
     * @param dnsSuffix the Key Vault DNS suffix to use instead of the cloud's, without a leading dot
     */
    public static KeyVaultGateway gateway(String cloud, Optional<String> dnsSuffix, TokenCredential credential) {
        if (dnsSuffix.isPresent()) {
            return new SdkKeyVaultGateway(credential, List.of(dnsSuffix.get()), true, REQUEST_TIMEOUT);
        }
        return new SdkKeyVaultGateway(credential, suffixes(cloud), false, REQUEST_TIMEOUT);
    }

    static List<String> suffixes(String cloud) {
        return switch (cloud.trim().toLowerCase(Locale.ROOT)) {
            case "azurechinacloud" -> List.of("vault.azure.cn", "managedhsm.azure.cn");
            case "azureusgovernment" -> List.of("vault.usgovcloudapi.net", "managedhsm.usgovcloudapi.net");
            default -> List.of("vault.azure.net", "managedhsm.azure.net");
        };
    }
}
