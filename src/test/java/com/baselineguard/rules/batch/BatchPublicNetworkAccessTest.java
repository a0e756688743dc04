package com.baselineguard.rules.batch;

import static com.baselineguard.testing.RuleHarness.assertConverges;
import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.Planner;
import com.baselineguard.engine.RemediationPlan;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPublicNetworkAccessTest {

    private final BatchPublicNetworkAccess rule = new BatchPublicNetworkAccess();

    @Test
    void passesWhenThePublishedPrivateAccountHasPublicAccessDisabled() {
        var evaluation = assertStatus(Status.PASS, rule, Accounts.privateGet());
        assertEquals("properties.publicNetworkAccess is \"Disabled\"", evaluation.reason());
    }

    @Test
    void passesWhenSecuredByPerimeter() {
        assertStatus(Status.PASS, rule, Fixtures.with(Accounts.get(), "properties.publicNetworkAccess",
                Fixtures.parse("\"SecuredByPerimeter\"")));
    }

    @Test
    void failsWhenThePublishedAccountHasPublicAccessEnabled() {
        var evaluation = assertStatus(Status.FAIL, rule, Accounts.get());
        assertEquals("properties.publicNetworkAccess is \"Enabled\"; expected Disabled or SecuredByPerimeter;"
                + " pools that use simplified node communication also need an Approved nodeManagement private"
                + " endpoint", evaluation.reason());
    }

    @Test
    void failsWhenAbsentBecauseAbsentMeansEnabled() {
        var evaluation = assertStatus(Status.FAIL, rule,
                Fixtures.without(Accounts.get(), "properties.publicNetworkAccess"));
        assertTrue(evaluation.reason().startsWith("properties.publicNetworkAccess is not set (absent means Enabled)"),
                evaluation.reason());
    }

    @Test
    void fixDisablesPublicAccessWhenAnApprovedConnectionIsInTheBody() {
        ResourceSnapshot enabled = Fixtures.with(Accounts.privateGet(), "properties.publicNetworkAccess",
                Fixtures.parse("\"Enabled\""));
        RemediationPlan plan = assertConverges(rule, enabled, RuleSettings.defaults());
        assertEquals(1, plan.steps().size());
        assertEquals(Fixtures.parse("{\"properties\":{\"publicNetworkAccess\":\"Disabled\"}}"),
                plan.steps().get(0).body());
    }

    @Test
    void fixDisablesPublicAccessWithAnApprovedBatchAccountConnectionLoadedBeside() {
        ResourceSnapshot account = Accounts.withConnections(Accounts.get(), List.of(Accounts.connection()));
        RemediationPlan plan = assertConverges(rule, account, RuleSettings.defaults());
        assertEquals(Fixtures.parse("{\"properties\":{\"publicNetworkAccess\":\"Disabled\"}}"),
                plan.steps().get(0).body());
    }

    @Test
    void fixIsBlockedWhenTheSnapshotDoesNotShowPrivateEndpoints() {
        var evaluation = assertStatus(Status.FAIL, rule, Accounts.get());
        String blockedBy = evaluation.fix().orElseThrow().blockedBy().orElseThrow();
        assertTrue(blockedBy.contains("cannot be confirmed") && blockedBy.contains("nodeManagement"), blockedBy);
    }

    @Test
    void fixIsBlockedWithoutAnApprovedConnection() {
        JsonObject pending = Accounts.connection();
        pending.getAsJsonObject("properties").getAsJsonObject("privateLinkServiceConnectionState")
                .addProperty("status", "Pending");
        ResourceSnapshot account = Accounts.withConnections(Accounts.get(), List.of(pending));
        var evaluation = assertStatus(Status.FAIL, rule, account);
        assertTrue(evaluation.fix().orElseThrow().blockedBy().orElseThrow().startsWith(
                "no private endpoint connection is Approved"));
        assertTrue(new Planner().plan(account, List.of(rule), RuleSettings.defaults()).isEmpty());
    }

    @Test
    void fixIsBlockedWhenTheOnlyApprovedConnectionServesNodeManagement() {
        JsonObject nodeManagement = Accounts.connection();
        nodeManagement.getAsJsonObject("properties").add("groupIds", Fixtures.parse("[\"nodeManagement\"]"));
        ResourceSnapshot account = Accounts.withConnections(Accounts.get(), List.of(nodeManagement));
        var evaluation = assertStatus(Status.FAIL, rule, account);
        assertEquals("no Approved private endpoint connection targets the batchAccount sub-resource; turning public"
                + " access off would cut every client off", evaluation.fix().orElseThrow().blockedBy().orElseThrow());
    }
}
