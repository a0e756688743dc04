package com.baselineguard.rules.batch;

import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchAllowedConfigurationTest {

    private final BatchAllowedConfiguration rule = new BatchAllowedConfiguration();

    @Test
    void notEvaluatedWithoutAnAllowList() {
        var evaluation = assertStatus(Status.NOT_EVALUATED, rule, Accounts.get());
        assertEquals("no allowed locations are configured (setting BG_ALLOWED_LOCATIONS); location is japaneast;"
                + " poolAllocationMode is BatchService", evaluation.reason());
    }

    @Test
    void passesWhenTheLocationIsAllowedInDisplayForm() {
        var evaluation = assertStatus(Status.PASS, rule, Accounts.get(),
                Accounts.settings(List.of(), List.of(), List.of("West Europe", "Japan East")));
        assertEquals("location japaneast is an allowed location; poolAllocationMode is BatchService",
                evaluation.reason());
    }

    @Test
    void failsOutsideTheAllowListAndReportsTheAllocationMode() {
        var evaluation = assertStatus(Status.FAIL, rule,
                Fixtures.snapshot(Accounts.DIR + "2025-06-01_BatchAccountCreate_BYOS.json"),
                Accounts.settings(List.of(), List.of(), List.of("westeurope", "northeurope")));
        assertEquals("location japaneast is not in the allowed locations (westeurope, northeurope); poolAllocationMode"
                + " is UserSubscription", evaluation.reason());
        assertTrue(evaluation.fix().isEmpty(), "detect only");
    }
}
