package com.baselineguard.rules.batch;

import static com.baselineguard.rules.batch.BatchLocalAuthTest.withModes;
import static com.baselineguard.testing.RuleHarness.assertConverges;
import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.baselineguard.engine.RemediationPlan;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import org.junit.jupiter.api.Test;

class BatchSharedKeyAuthTest {

    private final BatchSharedKeyAuth rule = new BatchSharedKeyAuth();

    @Test
    void failsWhenThePublishedAccountDoesNotSetModes() {
        var evaluation = assertStatus(Status.FAIL, rule, Accounts.get());
        assertEquals("properties.allowedAuthenticationModes is not set (absent: the service allows shared key"
                + " authentication, and Azure Policy 6f68b69f flags it); expected no \"SharedKey\"", evaluation.reason());
    }

    @Test
    void failsWhenSharedKeyIsAllowed() {
        var evaluation = assertStatus(Status.FAIL, rule, withModes("[\"SharedKey\",\"AAD\"]"));
        assertEquals("properties.allowedAuthenticationModes is [\"SharedKey\",\"AAD\"]; expected no \"SharedKey\"",
                evaluation.reason());
    }

    @Test
    void passesWithAadAndTaskTokens() {
        assertStatus(Status.PASS, rule, withModes("[\"AAD\",\"TaskAuthenticationToken\"]"));
    }

    @Test
    void passesWithAadAloneSoTheFixNeverWidensIt() {
        assertStatus(Status.PASS, rule, withModes("[\"AAD\"]"));
    }

    @Test
    void fixKeepsTaskAuthenticationTokens() {
        RemediationPlan plan = assertConverges(rule, Accounts.get(), RuleSettings.defaults());
        assertEquals(Fixtures.parse(
                "{\"properties\":{\"allowedAuthenticationModes\":[\"AAD\",\"TaskAuthenticationToken\"]}}"),
                plan.steps().get(0).body());
    }
}
