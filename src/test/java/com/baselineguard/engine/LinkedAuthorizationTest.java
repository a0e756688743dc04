package com.baselineguard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ARM's LinkedAuthorizationFailed, in both wordings ARM has used, becomes "which permission on which workspace". */
class LinkedAuthorizationTest {

    private static final String WORKSPACE = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/"
            + "providers/Microsoft.OperationalInsights/workspaces/central";
    private static final String SCOPE = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/"
            + "Microsoft.Cache/Redis/cache1/providers/Microsoft.Insights/diagnosticSettings/baseline-guard";

    @Test
    void theCurrentWordingNamesTheActionAndTheLinkedWorkspace() {
        String message = "The client 'c' with object id 'o' has permission to perform action"
                + " 'Microsoft.Insights/diagnosticSettings/write' on scope '" + SCOPE + "'; however, it does not have"
                + " permission to perform action(s) 'Microsoft.OperationalInsights/workspaces/sharedKeys/action' on the"
                + " linked scope(s) '" + WORKSPACE + "' (respectively) or the linked scope(s) are invalid.";
        String text = LinkedAuthorization.describe("LinkedAuthorizationFailed", message).orElseThrow();
        assertTrue(text.startsWith("permission missing on the linked resource " + WORKSPACE
                + ": Microsoft.OperationalInsights/workspaces/sharedKeys/action"), text);
        assertTrue(text.contains("Log Analytics Contributor"), text);
    }

    @Test
    void theOlderWordingWithoutPluralsIsReadToo() {
        String message = "The client 'c' with object id 'o' has permission to perform action"
                + " 'microsoft.insights/diagnosticSettings/write' on scope '" + SCOPE + "'; however, it does not have"
                + " permission to perform action 'Microsoft.OperationalInsights/workspaces/sharedKeys/action' on the linked"
                + " scope(s) '" + WORKSPACE + "' or the linked scope(s) are invalid.";
        String text = LinkedAuthorization.describe("linkedauthorizationfailed", message).orElseThrow();
        assertTrue(text.contains(WORKSPACE + ": Microsoft.OperationalInsights/workspaces/sharedKeys/action"), text);
    }

    @Test
    void aMessageThatCannotBeReadStillNamesTheWorkspaceAction() {
        String text = LinkedAuthorization.describe("LinkedAuthorizationFailed", "Forbidden").orElseThrow();
        assertTrue(text.contains("named in the request: Microsoft.OperationalInsights/workspaces/sharedKeys/action"), text);
    }

    @Test
    void otherLinkedActionsAreNamedWithoutTheWorkspaceAdvice() {
        String message = "... does not have permission to perform action(s) 'Microsoft.Network/virtualNetworks/subnets/join/action'"
                + " on the linked scope(s) '/subscriptions/s/resourceGroups/n/providers/Microsoft.Network/virtualNetworks/v/subnets/a'"
                + " (respectively) or the linked scope(s) are invalid.";
        String text = LinkedAuthorization.describe("LinkedAuthorizationFailed", message).orElseThrow();
        assertTrue(text.contains("Microsoft.Network/virtualNetworks/subnets/join/action"), text);
        assertTrue(!text.contains("Log Analytics Contributor"), text);
    }

    @Test
    void otherErrorsAreNotLinkedAuthorizationFailures() {
        assertEquals(Optional.empty(), LinkedAuthorization.describe("AuthorizationFailed", "no"));
    }
}
