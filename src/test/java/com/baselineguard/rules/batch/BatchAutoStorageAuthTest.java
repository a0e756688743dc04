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

class BatchAutoStorageAuthTest {

    private static final String STORAGE = "/subscriptions/12345678-1234-1234-1234-123456789012/resourceGroups/"
            + "default-azurebatch-japaneast/providers/Microsoft.Storage/storageAccounts/samplestorage";
    private static final String UAMI = "/subscriptions/12345678-1234-1234-1234-123456789012/resourceGroups/"
            + "default-azurebatch-japaneast/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1";
    private static final String FIXED_BODY = "{\"properties\":{\"autoStorage\":{\"storageAccountId\":\"" + STORAGE
            + "\",\"authenticationMode\":\"BatchAccountManagedIdentity\"}}}";

    private final BatchAutoStorageAuth rule = new BatchAutoStorageAuth();

    @Test
    void notApplicableWithoutAutoStorage() {
        var evaluation = assertStatus(Status.NOT_APPLICABLE, rule,
                Fixtures.without(Accounts.get(), "properties.autoStorage"));
        assertEquals("properties.autoStorage is not set, so the account has no auto-storage account",
                evaluation.reason());
    }

    @Test
    void failsWhenThePublishedAccountUsesTheDefaultStorageKeys() {
        var evaluation = assertStatus(Status.FAIL, rule, Accounts.userAssigned());
        assertEquals("properties.autoStorage.authenticationMode is not set (absent means StorageKeys); expected"
                + " BatchAccountManagedIdentity", evaluation.reason());
    }

    @Test
    void failsWithExplicitStorageKeys() {
        var evaluation = assertStatus(Status.FAIL, rule, Fixtures.with(Accounts.userAssigned(),
                "properties.autoStorage.authenticationMode", Fixtures.parse("\"StorageKeys\"")));
        assertEquals("properties.autoStorage.authenticationMode is \"StorageKeys\"; expected"
                + " BatchAccountManagedIdentity", evaluation.reason());
    }

    @Test
    void passesWithTheManagedIdentity() {
        assertStatus(Status.PASS, rule, Fixtures.with(Accounts.userAssigned(),
                "properties.autoStorage.authenticationMode", Fixtures.parse("\"BatchAccountManagedIdentity\"")));
    }

    @Test
    void fixSendsTheStorageAccountIdWithTheMode() {
        RemediationPlan plan = assertConverges(rule, Accounts.userAssigned(), RuleSettings.defaults());
        assertEquals(Fixtures.parse(FIXED_BODY), plan.steps().get(0).body());
    }

    @Test
    void fixKeepsAnExistingNodeIdentityReference() {
        ResourceSnapshot account = Fixtures.with(Accounts.userAssigned(), "properties.autoStorage.nodeIdentityReference",
                Fixtures.parse("{\"resourceId\":\"" + UAMI + "\"}"));
        RemediationPlan plan = assertConverges(rule, account, RuleSettings.defaults());
        assertEquals(Fixtures.parse("{\"properties\":{\"autoStorage\":{\"storageAccountId\":\"" + STORAGE
                + "\",\"authenticationMode\":\"BatchAccountManagedIdentity\",\"nodeIdentityReference\":{\"resourceId\":\""
                + UAMI + "\"}}}}"), plan.steps().get(0).body());
    }

    @Test
    void fixIsBlockedWithoutAnAccountIdentity() {
        var evaluation = assertStatus(Status.FAIL, rule, Accounts.get());
        assertEquals("the account has no managed identity (identity.type is \"None\") to reach the storage account"
                + " with; assign one first (BATCH-007)", evaluation.fix().orElseThrow().blockedBy().orElseThrow());
        assertTrue(new Planner().plan(Accounts.get(), List.of(rule), RuleSettings.defaults()).isEmpty());
    }

    @Test
    void enforcedWithTheIdentityRuleItIsPlannedAfterTheIdentity() {
        List<Rule> rules = List.of(new BatchManagedIdentity(), rule);
        RemediationPlan plan = new Planner().plan(Accounts.get(), rules, RuleSettings.defaults());
        assertEquals(2, plan.steps().size());
        assertEquals(List.of("BATCH-007"), plan.steps().get(0).ruleIds());
        assertEquals(Fixtures.parse("{\"identity\":{\"type\":\"SystemAssigned\"}}"), plan.steps().get(0).body());
        assertEquals(List.of("BATCH-008"), plan.steps().get(1).ruleIds());
        assertEquals(Fixtures.parse(FIXED_BODY), plan.steps().get(1).body());
        ResourceSnapshot fixed = Planner.applyAll(Accounts.get(), plan);
        for (Rule r : rules) {
            assertStatus(Status.PASS, r, fixed);
        }
    }
}
