package com.baselineguard.rules.batch;

import static com.baselineguard.testing.RuleHarness.assertConverges;
import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.Planner;
import com.baselineguard.engine.RemediationPlan;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Rule;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchAccountIpRulesTest {

    // No published example carries a networkProfile, so these values are hand-made in the 2025-06-01
    // spec's shape ({defaultAction, ipRules[{action, value}]}) and set on the published account.
    static final String DENY_WITH_RANGE =
            "{\"defaultAction\":\"Deny\",\"ipRules\":[{\"action\":\"Allow\",\"value\":\"198.51.100.0/24\"}]}";

    private final BatchAccountIpRules rule = new BatchAccountIpRules();
    private final RuleSettings allowList = Accounts.settings(List.of("203.0.113.0/24", "198.51.100.7"), List.of(),
            List.of());

    static ResourceSnapshot withProfile(String profile, String json) {
        return Fixtures.with(Accounts.get(), "properties.networkProfile." + profile, Fixtures.parse(json));
    }

    @Test
    void notApplicableWhenPublicAccessIsDisabled() {
        var evaluation = assertStatus(Status.NOT_APPLICABLE, rule, Accounts.privateGet());
        assertEquals("properties.publicNetworkAccess is Disabled, and properties.networkProfile.accountAccess only"
                + " takes effect when publicNetworkAccess is enabled", evaluation.reason());
    }

    @Test
    void failsWhenThePublishedAccountHasNoNetworkProfile() {
        var evaluation = assertStatus(Status.FAIL, rule, Accounts.get());
        assertEquals("properties.networkProfile.accountAccess is not set (defaultAction Allow is the effective"
                + " default, so any address reaches the account endpoint)", evaluation.reason());
    }

    @Test
    void failsWhenTheDefaultActionIsAllow() {
        var evaluation = assertStatus(Status.FAIL, rule, withProfile("accountAccess", "{\"defaultAction\":\"Allow\"}"));
        assertEquals("properties.networkProfile.accountAccess: defaultAction is \"Allow\"; expected Deny",
                evaluation.reason());
    }

    @Test
    void failsWhenARuleAllowsEveryAddress() {
        var evaluation = assertStatus(Status.FAIL, rule, withProfile("accountAccess",
                "{\"defaultAction\":\"Deny\",\"ipRules\":[{\"action\":\"Allow\",\"value\":\"0.0.0.0/0\"}]}"));
        assertEquals("properties.networkProfile.accountAccess: an ipRules entry allows 0.0.0.0/0", evaluation.reason());
    }

    @Test
    void passesWhenDenyingByDefaultWithNarrowRules() {
        var evaluation = assertStatus(Status.PASS, rule, withProfile("accountAccess", DENY_WITH_RANGE));
        assertEquals("properties.networkProfile.accountAccess denies by default and allows 1 IP rule(s), none of"
                + " them 0.0.0.0/0", evaluation.reason());
    }

    @Test
    void fixIsBlockedWithoutConfiguredAddresses() {
        var evaluation = assertStatus(Status.FAIL, rule, Accounts.get());
        assertEquals("no addresses are configured for the account endpoint (setting BG_BATCH_ACCOUNT_ALLOWED_IPS);"
                + " denying by default without them would cut every caller off",
                evaluation.fix().orElseThrow().blockedBy().orElseThrow());
        assertTrue(new Planner().plan(Accounts.get(), List.of(rule), RuleSettings.defaults()).isEmpty());
    }

    @Test
    void fixDeniesByDefaultAndAllowsTheConfiguredAddresses() {
        RemediationPlan plan = assertConverges(rule, Accounts.get(), allowList);
        assertEquals(Fixtures.parse("{\"properties\":{\"networkProfile\":{\"accountAccess\":{\"defaultAction\":\"Deny\","
                + "\"ipRules\":[{\"action\":\"Allow\",\"value\":\"203.0.113.0/24\"},"
                + "{\"action\":\"Allow\",\"value\":\"198.51.100.7\"}]}}}}"), plan.steps().get(0).body());
    }

    @Test
    void fixCarriesTheNodeManagementProfileUnchanged() {
        ResourceSnapshot account = Fixtures.with(withProfile("accountAccess", "{\"defaultAction\":\"Allow\"}"),
                "properties.networkProfile.nodeManagementAccess", Fixtures.parse(DENY_WITH_RANGE));
        RemediationPlan plan = assertConverges(rule, account, allowList);
        assertEquals(Fixtures.parse("{\"properties\":{\"networkProfile\":{\"accountAccess\":{\"defaultAction\":\"Deny\","
                + "\"ipRules\":[{\"action\":\"Allow\",\"value\":\"203.0.113.0/24\"},"
                + "{\"action\":\"Allow\",\"value\":\"198.51.100.7\"}]},\"nodeManagementAccess\":" + DENY_WITH_RANGE
                + "}}}"), plan.steps().get(0).body());
    }

    @Test
    void bothEndpointFixesRunOneAfterTheOtherAndTheSecondKeepsTheFirst() {
        List<Rule> rules = List.of(rule, new BatchNodeManagementIpRules());
        RuleSettings settings = Accounts.settings(List.of("203.0.113.0/24"), List.of("192.0.2.10"), List.of());
        RemediationPlan plan = new Planner().plan(Accounts.get(), rules, settings);
        assertEquals(2, plan.steps().size());
        assertEquals(List.of("BATCH-002"), plan.steps().get(0).ruleIds());
        assertEquals(List.of("BATCH-003"), plan.steps().get(1).ruleIds());
        assertEquals(Fixtures.parse("{\"properties\":{\"networkProfile\":{"
                + "\"nodeManagementAccess\":{\"defaultAction\":\"Deny\",\"ipRules\":[{\"action\":\"Allow\",\"value\":\"192.0.2.10\"}]},"
                + "\"accountAccess\":{\"defaultAction\":\"Deny\",\"ipRules\":[{\"action\":\"Allow\",\"value\":\"203.0.113.0/24\"}]}}}}"),
                plan.steps().get(1).body());
        ResourceSnapshot fixed = Planner.applyAll(Accounts.get(), plan);
        for (Rule r : rules) {
            assertStatus(Status.PASS, r, fixed, settings);
        }
    }
}
