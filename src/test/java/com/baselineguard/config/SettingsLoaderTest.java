package com.baselineguard.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.Mode;
import com.baselineguard.engine.Policy;
import com.baselineguard.rules.Catalog;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.Rule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsLoaderTest {

    private final Catalog catalog = Catalog.standard();

    @Test
    void defaultsEnforceSafeFixesAndAuditTheRest() {
        Policy policy = SettingsLoader.load(Map.of("PATH", "/usr/bin"), catalog);
        for (Rule rule : catalog.rules()) {
            Mode expected = rule.metadata().fixClass() == FixClass.SAFE ? Mode.ENFORCE : Mode.AUDIT;
            assertEquals(expected, policy.modeOf(rule.metadata().id()), rule.metadata().id());
        }
        assertEquals("baseline-guard-exempt", policy.exemptionTag());
        assertTrue(policy.scopes().isEverywhere());
        assertTrue(policy.ruleSettings().diagnosticsWorkspaceId().isEmpty());
    }

    @Test
    void readsEverySetting() {
        Policy policy = SettingsLoader.load(Map.of(
                "BG_RULE_MODE_REDIS_001", "Enforce",
                "BG_RULE_MODE_REDIS_006", "off",
                "BG_EXEMPTION_TAG", "exempt",
                "BG_SCOPES", "/subscriptions/11111111-1111-1111-1111-111111111111;/subscriptions/22222222-2222-2222-2222-222222222222/resourceGroups/c",
                "BG_DIAGNOSTICS_WORKSPACE_ID", "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/w",
                "BG_BATCH_ACCOUNT_ALLOWED_IPS", "203.0.113.0/24, 198.51.100.7",
                "BG_ALLOWED_LOCATIONS", "westeurope, North Europe",
                "BG_REDIS_MAX_FIREWALL_RULES", "5"), catalog);
        assertEquals(Mode.ENFORCE, policy.modeOf("REDIS-001"));
        assertEquals(Mode.OFF, policy.modeOf("REDIS-006"));
        assertEquals("exempt", policy.exemptionTag());
        assertEquals(List.of("/subscriptions/11111111-1111-1111-1111-111111111111", "/subscriptions/22222222-2222-2222-2222-222222222222/resourcegroups/c"), policy.scopes().scopes());
        assertEquals(List.of("203.0.113.0/24", "198.51.100.7"), policy.ruleSettings().batchAccountAllowedIps());
        assertEquals(List.of("westeurope", "northeurope"), policy.ruleSettings().allowedLocations());
        assertEquals(5, policy.ruleSettings().redisMaxFirewallRules());
    }

    @Test
    void theCeilingCapsExplicitModes() {
        Policy policy = SettingsLoader.load(Map.of("BG_MAX_MODE", "audit", "BG_RULE_MODE_REDIS_001", "enforce"), catalog);
        assertEquals(Mode.AUDIT, policy.modeOf("REDIS-001"));
        assertEquals(Mode.AUDIT, policy.modeOf("REDIS-006"));
    }

    @Test
    void reportsEveryProblemAtOnce() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> SettingsLoader.load(Map.of(
                "BG_RULE_MODE_REDIS_006", "sometimes",
                "BG_RULE_MODE_REDIS_999", "audit",
                "BG_RULE_MOD_REDIS_006", "audit",
                "BG_SCOPES", "subscriptions/a",
                "BG_DIAGNOSTICS_WORKSPACE_ID", "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/s",
                "BG_BATCH_NODE_MANAGEMENT_ALLOWED_IPS", "0.0.0.0/0,300.1.1.1",
                "BG_REDIS_MAX_FIREWALL_PUBLIC_IPS", "-1"), catalog));
        String message = e.getMessage();
        assertEquals(8, e.problems().size(), message);
        assertTrue(message.contains("BG_RULE_MODE_REDIS_006: 'sometimes' is not a mode; use off, audit or enforce"), message);
        assertTrue(message.contains("BG_RULE_MODE_REDIS_999: no rule REDIS-999"), message);
        assertTrue(message.contains("BG_RULE_MOD_REDIS_006: unknown setting"), message);
        assertTrue(message.contains("not a Microsoft.OperationalInsights/workspaces resource id"), message);
        assertTrue(message.contains("0.0.0.0/0 admits the whole internet"), message);
        assertTrue(message.contains("'300.1.1.1' is not an IPv4 address or CIDR range"), message);
    }

    @Test
    void subscriptionsThatCannotExistAreRefusedAtStartUp() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> SettingsLoader.load(Map.of(
                "BG_SCOPES", "/subscriptions/contoso-prod, /subscriptions/a/resourceGroups/rg1",
                "BG_DIAGNOSTICS_WORKSPACE_ID", "/subscriptions/subid/resourceGroups/logs/providers"
                        + "/Microsoft.OperationalInsights/workspaces/w"), catalog));
        assertEquals(List.of(
                "BG_SCOPES: '/subscriptions/contoso-prod' names subscription 'contoso-prod', which is not a subscription id"
                        + " (a GUID)",
                "BG_SCOPES: '/subscriptions/a/resourceGroups/rg1' names subscription 'a', which is not a subscription id"
                        + " (a GUID)",
                "BG_DIAGNOSTICS_WORKSPACE_ID: resource id has subscription 'subid', which is not a subscription id (a GUID):"
                        + " /subscriptions/subid/resourceGroups/logs/providers/Microsoft.OperationalInsights/workspaces/w"),
                e.problems());
    }

    @Test
    void variablesOutsideTheBgPrefixAreIgnored() {
        SettingsLoader.load(Map.of("AZURE_CLIENT_ID", "x", "FUNCTIONS_WORKER_RUNTIME", "java"), catalog);
    }

    @Test
    void keyManagementAndOutcomeTopicSettings() {
        Settings defaults = SettingsLoader.settings(Map.of(), catalog);
        assertEquals(30, defaults.policy().ruleSettings().keyExpiryWarningDays());
        assertEquals(30, defaults.policy().ruleSettings().keyRotateBeforeExpiryDays());
        assertEquals(java.util.Optional.empty(), defaults.outcomeTopicEndpoint());
        Settings set = SettingsLoader.settings(Map.of("BG_KEY_EXPIRY_WARNING_DAYS", "60",
                "BG_KEY_ROTATE_BEFORE_EXPIRY_DAYS", "45",
                "BG_OUTCOME_TOPIC_ENDPOINT", "https://bg.westeurope-1.eventgrid.azure.net/api/events"), catalog);
        assertEquals(60, set.policy().ruleSettings().keyExpiryWarningDays());
        assertEquals(45, set.policy().ruleSettings().keyRotateBeforeExpiryDays());
        assertEquals(java.util.Optional.of("https://bg.westeurope-1.eventgrid.azure.net/api/events"),
                set.outcomeTopicEndpoint());
    }

    @Test
    void keyManagementAndOutcomeTopicSettingsAreValidated() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> SettingsLoader.settings(Map.of(
                "BG_KEY_EXPIRY_WARNING_DAYS", "-1",
                "BG_KEY_ROTATE_BEFORE_EXPIRY_DAYS", "3",
                "BG_OUTCOME_TOPIC_ENDPOINT", "http://bg.westeurope-1.eventgrid.azure.net/api/events"), catalog));
        assertTrue(e.getMessage().contains("BG_KEY_EXPIRY_WARNING_DAYS: '-1' is not a whole number from 0 to 3650"),
                e.getMessage());
        assertTrue(e.getMessage().contains("BG_KEY_ROTATE_BEFORE_EXPIRY_DAYS: '3' is not a whole number from 7 to 330"),
                e.getMessage());
        assertTrue(e.getMessage().contains("BG_OUTCOME_TOPIC_ENDPOINT: 'http://bg.westeurope-1.eventgrid.azure.net/api/events'"
                + " must be an https:// URL"), e.getMessage());
        ConfigurationException sas = assertThrows(ConfigurationException.class, () -> SettingsLoader.settings(Map.of(
                "BG_OUTCOME_TOPIC_ENDPOINT", "https://bg.westeurope-1.eventgrid.azure.net/api/events?sig=secret"), catalog));
        assertTrue(sas.getMessage().contains("must not carry credentials or a query"), sas.getMessage());
        assertTrue(!sas.getMessage().contains("secret"), "the value with a credential is not echoed");
    }

    @Test
    void writesArePacedAtTenPerSecondUnlessSet() {
        assertEquals(10, SettingsLoader.settings(Map.of(), catalog).remediation().writesPerSecond());
        assertEquals(0, SettingsLoader.settings(Map.of("BG_WRITES_PER_SECOND", "0"), catalog).remediation()
                .writesPerSecond());
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> SettingsLoader.settings(Map.of("BG_WRITES_PER_SECOND", "fast"), catalog));
        assertTrue(e.getMessage().contains("BG_WRITES_PER_SECOND"), e.getMessage());
    }
}
