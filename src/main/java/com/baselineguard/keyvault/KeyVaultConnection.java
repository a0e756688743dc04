package com.baselineguard.keyvault;

import com.azure.core.credential.TokenCredential;
import com.baselineguard.engine.port.KeyVaultGateway;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the {@link SdkKeyVaultGateway} from the environment with the credential ARM uses.
 *
 * <ul>
 *   <li>{@code AZURE_CLOUD} picks the Key Vault DNS suffixes requests may go to: {@code vault.azure.net} and
 *       {@code managedhsm.azure.net} (AzureCloud), {@code vault.azure.cn} (AzureChinaCloud),
 *       {@code vault.usgovcloudapi.net} (AzureUSGovernment).</li>
 *   <li>{@code AZURE_KEY_VAULT_DNS_SUFFIX}: another suffix (Azure Stack Hub, a local stand-in). Its hosts
 *       are not Key Vault's own, so the SDK's challenge resource verification is turned off for them.</li>
 * </ul>
 */
public final class KeyVaultConnection {

    /** The most one Key Vault request may take, retries included. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private KeyVaultConnection() {
    }

    public static KeyVaultGateway gateway(Map<String, String> environment, TokenCredential credential) {
        String custom = environment.getOrDefault("AZURE_KEY_VAULT_DNS_SUFFIX", "").trim();
        if (!custom.isEmpty()) {
            String suffix = custom.startsWith(".") ? custom.substring(1) : custom;
            return new SdkKeyVaultGateway(credential, List.of(suffix), true, REQUEST_TIMEOUT);
        }
        return new SdkKeyVaultGateway(credential, suffixes(environment.getOrDefault("AZURE_CLOUD", "")), false,
                REQUEST_TIMEOUT);
    }

    static List<String> suffixes(String cloud) {
        return switch (cloud.trim().toLowerCase(Locale.ROOT)) {
            case "azurechinacloud" -> List.of("vault.azure.cn", "managedhsm.azure.cn");
            case "azureusgovernment" -> List.of("vault.usgovcloudapi.net", "managedhsm.usgovcloudapi.net");
            default -> List.of("vault.azure.net", "managedhsm.azure.net");
        };
    }
}
