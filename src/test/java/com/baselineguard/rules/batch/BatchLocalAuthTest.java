package com.baselineguard.rules.batch;

import static com.baselineguard.testing.RuleHarness.assertConverges;
import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.baselineguard.engine.Planner;
import com.baselineguard.engine.RemediationPlan;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Rule;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchLocalAuthTest {

    private final BatchLocalAuth rule = new BatchLocalAuth();

    static ResourceSnapshot withModes(String modes) {
        return Fixtures.with(Accounts.get(), "properties.allowedAuthenticationModes", Fixtures.parse(modes));
    }

    @Test
    void failsWhenThePublishedAccountDoesNotSetModes() {
        var evaluation = assertStatus(Status.FAIL, rule, Accounts.get());
        assertEquals("properties.allowedAuthenticationModes is not set (absent: the service allows shared key"
                + " authentication, and Azure Policy 6f68b69f flags it); expected only [\"AAD\"]", evaluation.reason());
    }

    @Test
    void failsWhenTaskAuthenticationTokensAreStillAllowed() {
        var evaluation = assertStatus(Status.FAIL, rule, withModes("[\"AAD\",\"TaskAuthenticationToken\"]"));
        assertEquals("properties.allowedAuthenticationModes is [\"AAD\",\"TaskAuthenticationToken\"]; expected only"
                + " [\"AAD\"]", evaluation.reason());
    }

    @Test
    void passesWithOnlyAadInAnyCasing() {
        assertStatus(Status.PASS, rule, withModes("[\"aad\"]"));
    }

    @Test
    void fixAllowsOnlyAad() {
        RemediationPlan plan = assertConverges(rule, withModes("[\"SharedKey\",\"AAD\"]"), RuleSettings.defaults());
        assertEquals(Fixtures.parse("{\"properties\":{\"allowedAuthenticationModes\":[\"AAD\"]}}"),
                plan.steps().get(0).body());
    }

    @Test
    void enforcedWithTheSharedKeyRuleThePlannerPicksAadAloneInOneStep() {
        List<Rule> rules = List.of(rule, new BatchSharedKeyAuth());
        ResourceSnapshot account = withModes("[\"SharedKey\",\"AAD\",\"TaskAuthenticationToken\"]");
        RemediationPlan plan = new Planner().plan(account, rules, RuleSettings.defaults());
        assertEquals(1, plan.steps().size());
        assertEquals(Fixtures.parse("{\"properties\":{\"allowedAuthenticationModes\":[\"AAD\"]}}"),
                plan.steps().get(0).body());
        ResourceSnapshot fixed = Planner.applyAll(account, plan);
        for (Rule r : rules) {
            assertStatus(Status.PASS, r, fixed);
        }
    }
}
