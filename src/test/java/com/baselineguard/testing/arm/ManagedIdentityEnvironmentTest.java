package com.baselineguard.testing.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.credential.TokenRequestContext;
import com.baselineguard.config.AzureSettings;
import com.baselineguard.identity.Credentials;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each stand-in sees only tokens it issued itself, through the production credential factory, even when
 * a later stand-in asks for an audience an earlier one was asked for (as when the OS hands a new ARM
 * stand-in the port, and so the audience, of one closed before).
 */
class ManagedIdentityEnvironmentTest {

    /** The audience both stand-ins are asked for: an ARM stand-in's URL on a port the OS handed out again. */
    private static final String SCOPE = "https://127.0.0.1:1/.default";

    @Test
    void aLaterStandInIsNeverHandedATokenAnEarlierOneIssuedForTheSameAudience() {
        String first;
        try (ArmStandIn arm = ArmStandIn.start(); ManagedIdentityEnvironment identity = ManagedIdentityEnvironment.of(arm)) {
            first = token(arm);
            assertTrue(arm.issued(first));
            assertEquals(SCOPE.replace("/.default", ""), arm.tokenAudience(first).orElseThrow());
        }
        try (ArmStandIn arm = ArmStandIn.start(); ManagedIdentityEnvironment identity = ManagedIdentityEnvironment.of(arm)) {
            String second = token(arm);
            assertTrue(arm.issued(second), "the token came from this stand-in's identity endpoint, not MSAL's cache");
            assertEquals(1, arm.tokenRequestCount());
            assertEquals(SCOPE.replace("/.default", ""), arm.tokenRequests().get(0).resource());
        }
    }

    @Test
    void withinOneStandInTheTokenIsCachedPerAudience() {
        try (ArmStandIn arm = ArmStandIn.start(); ManagedIdentityEnvironment identity = ManagedIdentityEnvironment.of(arm)) {
            assertEquals(token(arm), token(arm));
            assertEquals(1, arm.tokenRequestCount(), "the identity endpoint is asked once per audience");
        }
    }

    private static String token(ArmStandIn arm) {
        AzureSettings azure = AzureSettings.read(Map.of("IDENTITY_ENDPOINT", arm.identityEndpoint(),
                "IDENTITY_HEADER", arm.identityHeader()));
        return Credentials.of(azure.managedIdentityEndpoint(), azure.sdkEnvironment()).forClient(Optional.empty())
                .getTokenSync(new TokenRequestContext().addScopes(SCOPE)).getToken();
    }
}
