package com.baselineguard.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How Baseline Guard connects to Azure, read from the environment and validated here, as the
 * {@code BG_} settings are in {@link SettingsLoader}. Read when Baseline Guard first connects, so
 * offline evaluation neither needs nor checks them.
 *
 * @param cloud {@code AZURE_CLOUD}, spelled as {@link #CLOUDS} spells it
 * @param resourceManagerEndpoint {@code AZURE_RESOURCE_MANAGER_ENDPOINT}: an ARM-compatible https endpoint
 *     (Azure Stack Hub, a local stand-in) in place of the cloud's
 * @param resourceManagerAudience {@code AZURE_RESOURCE_MANAGER_AUDIENCE}: the token audience for that endpoint
 * @param clientId {@code AZURE_CLIENT_ID}: the user-assigned managed identity the app runs as; also how
 *     Baseline Guard recognises the events its own writes raise
 * @param managedIdentityEndpoint whether {@code IDENTITY_ENDPOINT} is set, as App Service and Functions set it:
 *     then the managed identity is the credential, without the DefaultAzureCredential chain
 * @param keyVaultDnsSuffix {@code AZURE_KEY_VAULT_DNS_SUFFIX} without a leading dot: the Key Vault hosts
 *     BATCH-010 may contact besides the cloud's
 * @param tableServiceUri {@code AzureWebJobsStorage__tableServiceUri}: the app's table endpoint, where the fix
 *     ledger is kept; without it the ledger is in memory
 * @param storageClientId {@code AzureWebJobsStorage__clientId}: the identity the Functions host reaches its
 *     storage with, which the fix ledger uses too
 * @param sdkEnvironment the whole environment, for the Azure SDK's credentials, which read their own variables
 *     ({@code AZURE_TENANT_ID}, {@code IDENTITY_HEADER}, {@code AZURE_FEDERATED_TOKEN_FILE}, ...)
 */
public record AzureSettings(String cloud, Optional<String> resourceManagerEndpoint,
        Optional<String> resourceManagerAudience, Optional<String> clientId, boolean managedIdentityEndpoint,
        Optional<String> keyVaultDnsSuffix, Optional<String> tableServiceUri, Optional<String> storageClientId,
        Map<String, String> sdkEnvironment) {

    public static final String AZURE_CLOUD = "AZURE_CLOUD";
    public static final String AZURE_RESOURCE_MANAGER_ENDPOINT = "AZURE_RESOURCE_MANAGER_ENDPOINT";
    public static final String AZURE_RESOURCE_MANAGER_AUDIENCE = "AZURE_RESOURCE_MANAGER_AUDIENCE";
    public static final String AZURE_CLIENT_ID = "AZURE_CLIENT_ID";
    public static final String IDENTITY_ENDPOINT = "IDENTITY_ENDPOINT";
    public static final String AZURE_KEY_VAULT_DNS_SUFFIX = "AZURE_KEY_VAULT_DNS_SUFFIX";
    public static final String TABLE_SERVICE_URI = "AzureWebJobsStorage__tableServiceUri";
    public static final String STORAGE_CLIENT_ID = "AzureWebJobsStorage__clientId";

    /** Every variable read here; docs/configuration.md documents each (a test keeps the two in step). */
    public static final List<String> VARIABLES = List.of(AZURE_CLOUD, AZURE_RESOURCE_MANAGER_ENDPOINT,
            AZURE_RESOURCE_MANAGER_AUDIENCE, AZURE_CLIENT_ID, IDENTITY_ENDPOINT, AZURE_KEY_VAULT_DNS_SUFFIX,
            TABLE_SERVICE_URI, STORAGE_CLIENT_ID);

    /** The clouds {@code AZURE_CLOUD} may name, as {@code az cloud list} and Bicep's {@code environment().name} spell them. */
    public static final List<String> CLOUDS = List.of("AzureCloud", "AzureChinaCloud", "AzureUSGovernment");

    public AzureSettings {
        sdkEnvironment = Map.copyOf(sdkEnvironment);
    }

    /**
     * The Azure connection the environment describes.
     *
     * @throws ConfigurationException listing every invalid value
     */
    public static AzureSettings read(Map<String, String> environment) {
        List<String> problems = new ArrayList<>();
        String cloud = cloud(text(environment, AZURE_CLOUD).orElse(""), problems);
        Optional<String> endpoint = text(environment, AZURE_RESOURCE_MANAGER_ENDPOINT);
        endpoint.ifPresent(e -> https(AZURE_RESOURCE_MANAGER_ENDPOINT, e, problems));
        Optional<String> table = text(environment, TABLE_SERVICE_URI);
        table.ifPresent(t -> https(TABLE_SERVICE_URI, t, problems));
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return new AzureSettings(cloud, endpoint,
                text(environment, AZURE_RESOURCE_MANAGER_AUDIENCE),
                text(environment, AZURE_CLIENT_ID),
                !environment.getOrDefault(IDENTITY_ENDPOINT, "").isBlank(),
                text(environment, AZURE_KEY_VAULT_DNS_SUFFIX).map(s -> s.startsWith(".") ? s.substring(1) : s),
                table, text(environment, STORAGE_CLIENT_ID), environment);
    }

    private static String cloud(String value, List<String> problems) {
        if (value.isEmpty()) {
            return CLOUDS.get(0);
        }
        for (String cloud : CLOUDS) {
            if (cloud.equalsIgnoreCase(value)) {
                return cloud;
            }
        }
        problems.add(AZURE_CLOUD + ": '" + value + "' is not one of " + CLOUDS);
        return CLOUDS.get(0);
    }

    /** Bearer tokens are only ever sent over HTTPS (azure-core's BearerTokenAuthenticationPolicy refuses otherwise). */
    private static void https(String name, String value, List<String> problems) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            problems.add(name + ": '" + value + "' is not a URL");
            return;
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            problems.add(name + ": '" + value + "' must be an https:// URL");
        }
    }

    private static Optional<String> text(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::trim).filter(s -> !s.isEmpty());
    }
}
