package com.baselineguard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Azure connection settings: read here, validated together, defaults as documented in docs/configuration.md. */
class AzureSettingsTest {

    @Test
    void withNothingSetThePublicCloudAndTheDefaultIdentity() {
        AzureSettings azure = AzureSettings.read(Map.of());
        assertEquals("AzureCloud", azure.cloud());
        assertEquals(Optional.empty(), azure.resourceManagerEndpoint());
        assertEquals(Optional.empty(), azure.clientId());
        assertFalse(azure.managedIdentityEndpoint());
        assertEquals(Optional.empty(), azure.tableServiceUri());
    }

    @Test
    void whatTheFunctionsAppIsGivenIsReadAsGiven() {
        AzureSettings azure = AzureSettings.read(Map.of(
                "AZURE_CLOUD", "azureusgovernment",
                "AZURE_CLIENT_ID", " 5b0e1c2d-0000-4000-8000-000000000001 ",
                "IDENTITY_ENDPOINT", "http://localhost:8081/msi/token",
                "AZURE_KEY_VAULT_DNS_SUFFIX", ".vault.example",
                "AzureWebJobsStorage__tableServiceUri", "https://st.table.core.usgovcloudapi.net",
                "AzureWebJobsStorage__clientId", "5b0e1c2d-0000-4000-8000-000000000002"));
        assertEquals("AzureUSGovernment", azure.cloud());
        assertEquals(Optional.of("5b0e1c2d-0000-4000-8000-000000000001"), azure.clientId());
        assertTrue(azure.managedIdentityEndpoint());
        assertEquals(Optional.of("vault.example"), azure.keyVaultDnsSuffix());
        assertEquals(Optional.of("https://st.table.core.usgovcloudapi.net"), azure.tableServiceUri());
        assertEquals(Optional.of("5b0e1c2d-0000-4000-8000-000000000002"), azure.storageClientId());
        assertEquals("http://localhost:8081/msi/token", azure.sdkEnvironment().get("IDENTITY_ENDPOINT"),
                "the SDK's credentials read their own variables from the same environment");
    }

    @Test
    void everyInvalidValueIsReportedAtOnce() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> AzureSettings.read(Map.of(
                "AZURE_CLOUD", "Mars",
                "AZURE_RESOURCE_MANAGER_ENDPOINT", "http://127.0.0.1:1",
                "AzureWebJobsStorage__tableServiceUri", "st.table.core.windows.net")));
        assertEquals(List.of(
                "AZURE_CLOUD: 'Mars' is not one of [AzureCloud, AzureChinaCloud, AzureUSGovernment]",
                "AZURE_RESOURCE_MANAGER_ENDPOINT: 'http://127.0.0.1:1' must be an https:// URL",
                "AzureWebJobsStorage__tableServiceUri: 'st.table.core.windows.net' must be an https:// URL"), e.problems());
    }

    @Test
    void anArmCompatibleEndpointAndItsAudience() {
        AzureSettings azure = AzureSettings.read(Map.of("AZURE_RESOURCE_MANAGER_ENDPOINT", "https://management.local.azurestack.external",
                "AZURE_RESOURCE_MANAGER_AUDIENCE", "https://management.azurestack.example/abc"));
        assertEquals(Optional.of("https://management.local.azurestack.external"), azure.resourceManagerEndpoint());
        assertEquals(Optional.of("https://management.azurestack.example/abc"), azure.resourceManagerAudience());
    }

    @Test
    void everyVariableReadIsDocumented() throws IOException {
        String configuration = Files.readString(Path.of("docs/configuration.md"));
        for (String variable : AzureSettings.VARIABLES) {
            assertTrue(configuration.contains("`" + variable + "`"), variable);
        }
    }
}
