package com.baselineguard.identity;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.azure.identity.DefaultAzureCredential;
import com.azure.identity.ManagedIdentityCredential;
import com.baselineguard.config.AzureSettings;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one credential factory: which credential, and how it is shared. */
class CredentialsTest {

    private static Credentials credentials(Map<String, String> environment) {
        AzureSettings azure = AzureSettings.read(environment);
        return Credentials.of(azure.managedIdentityEndpoint(), azure.sdkEnvironment());
    }

    @Test
    void whereTheAppServicePlatformSetsAnIdentityEndpointTheManagedIdentityIsTheCredential() {
        Credentials functions = credentials(Map.of("IDENTITY_ENDPOINT", "http://127.0.0.1:41234/msi/token",
                "IDENTITY_HEADER", "secret-of-this-test"));
        assertInstanceOf(ManagedIdentityCredential.class, functions.forClient(Optional.empty()));
        assertInstanceOf(ManagedIdentityCredential.class, functions.forClient(Optional.of("5b0e1c2d-0000-4000-8000-0000000000aa")));
    }

    @Test
    void elsewhereTheDefaultChain() {
        assertInstanceOf(DefaultAzureCredential.class, credentials(Map.of("AZURE_TENANT_ID", "tenant-of-this-test"))
                .forClient(Optional.empty()));
    }

    @Test
    void oneCredentialPerIdentityForEveryClientBuiltFromTheSameEnvironment() {
        Map<String, String> environment = Map.of("IDENTITY_ENDPOINT", "http://127.0.0.1:41235/msi/token",
                "IDENTITY_HEADER", "another-secret");
        Optional<String> app = Optional.of("5b0e1c2d-0000-4000-8000-0000000000ab");
        assertSame(credentials(environment).forClient(app), credentials(Map.copyOf(environment)).forClient(app),
                "ARM, Key Vault and Event Grid share one token cache");
        assertNotSame(credentials(environment).forClient(app),
                credentials(environment).forClient(Optional.of("5b0e1c2d-0000-4000-8000-0000000000ac")),
                "another identity (the storage one) has its own");
    }
}
