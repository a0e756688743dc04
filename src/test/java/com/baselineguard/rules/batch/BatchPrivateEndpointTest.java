package com.baselineguard.rules.batch;

import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.rules.Status;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPrivateEndpointTest {

    private final BatchPrivateEndpoint rule = new BatchPrivateEndpoint();

    @Test
    void notEvaluatedWhenTheSnapshotDoesNotShowConnections() {
        var evaluation = assertStatus(Status.NOT_EVALUATED, rule, Accounts.get());
        assertEquals("the snapshot does not show the account's private endpoint connections"
                + " (properties.privateEndpointConnections)", evaluation.reason());
    }

    @Test
    void passesWhenThePublishedPrivateAccountHasAnApprovedConnection() {
        var evaluation = assertStatus(Status.PASS, rule, Accounts.privateGet());
        assertEquals("1 private endpoint connection(s) are Approved (group ids not shown)", evaluation.reason());
    }

    @Test
    void passesAndNamesTheGroupOfALoadedConnection() {
        var evaluation = assertStatus(Status.PASS, rule,
                Accounts.withConnections(Accounts.get(), List.of(Accounts.connection())));
        assertEquals("1 private endpoint connection(s) are Approved (group ids batchAccount)", evaluation.reason());
        assertTrue(evaluation.fix().isEmpty());
    }

    @Test
    void failsWhenThereAreNoConnections() {
        var evaluation = assertStatus(Status.FAIL, rule, Accounts.withConnections(Accounts.get(), List.of()));
        assertEquals("the account has no private endpoint connections", evaluation.reason());
    }

    @Test
    void failsWhenNoConnectionIsApproved() {
        JsonObject rejected = Accounts.connection();
        rejected.getAsJsonObject("properties").getAsJsonObject("privateLinkServiceConnectionState")
                .addProperty("status", "Rejected");
        var evaluation = assertStatus(Status.FAIL, rule, Accounts.withConnections(Accounts.get(), List.of(rejected)));
        assertEquals("no private endpoint connection is Approved (1 connection(s) in state Rejected)",
                evaluation.reason());
    }
}
