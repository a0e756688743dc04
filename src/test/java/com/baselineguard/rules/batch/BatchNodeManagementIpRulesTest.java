package com.baselineguard.rules.batch;

import static com.baselineguard.testing.RuleHarness.assertConverges;
import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.baselineguard.engine.RemediationPlan;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchNodeManagementIpRulesTest {

    private final BatchNodeManagementIpRules rule = new BatchNodeManagementIpRules();
    private final RuleSettings allowList = Accounts.settings(List.of(), List.of("192.0.2.10"), List.of());

    @Test
    void notApplicableWhenSecuredByPerimeter() {
        var evaluation = assertStatus(Status.NOT_APPLICABLE, rule, Fixtures.with(Accounts.get(),
                "properties.publicNetworkAccess", Fixtures.parse("\"SecuredByPerimeter\"")));
        assertEquals("properties.publicNetworkAccess is SecuredByPerimeter, and"
                + " properties.networkProfile.nodeManagementAccess only takes effect when publicNetworkAccess is"
                + " enabled", evaluation.reason());
    }

    @Test
    void failsWhenThePublishedAccountHasNoNetworkProfile() {
        var evaluation = assertStatus(Status.FAIL, rule, Accounts.get());
        assertEquals("properties.networkProfile.nodeManagementAccess is not set (defaultAction Allow is the effective"
                + " default, so any address reaches the node-management endpoint)", evaluation.reason());
    }

    @Test
    void failsWhenOnlyTheAccountEndpointIsFiltered() {
        assertStatus(Status.FAIL, rule,
                BatchAccountIpRulesTest.withProfile("accountAccess", BatchAccountIpRulesTest.DENY_WITH_RANGE));
    }

    @Test
    void passesWhenDenyingByDefaultWithNarrowRules() {
        assertStatus(Status.PASS, rule,
                BatchAccountIpRulesTest.withProfile("nodeManagementAccess", BatchAccountIpRulesTest.DENY_WITH_RANGE));
    }

    @Test
    void fixIsBlockedWithoutConfiguredAddresses() {
        var evaluation = assertStatus(Status.FAIL, rule, Accounts.get(),
                Accounts.settings(List.of("203.0.113.0/24"), List.of(), List.of()));
        assertEquals("no addresses are configured for the node-management endpoint (setting"
                + " BG_BATCH_NODE_MANAGEMENT_ALLOWED_IPS); denying by default without them would cut every caller off",
                evaluation.fix().orElseThrow().blockedBy().orElseThrow());
    }

    @Test
    void fixDeniesByDefaultAndKeepsTheAccountProfile() {
        ResourceSnapshot account = BatchAccountIpRulesTest.withProfile("accountAccess",
                BatchAccountIpRulesTest.DENY_WITH_RANGE);
        RemediationPlan plan = assertConverges(rule, account, allowList);
        assertEquals(Fixtures.parse("{\"properties\":{\"networkProfile\":{\"nodeManagementAccess\":"
                + "{\"defaultAction\":\"Deny\",\"ipRules\":[{\"action\":\"Allow\",\"value\":\"192.0.2.10\"}]},"
                + "\"accountAccess\":" + BatchAccountIpRulesTest.DENY_WITH_RANGE + "}}}"), plan.steps().get(0).body());
    }
}
