package com.baselineguard.rules.batch;

import static com.baselineguard.testing.RuleHarness.assertConverges;
import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.Planner;
import com.baselineguard.engine.RemediationPlan;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchDiagnosticLogsTest {

    private static final String WORKSPACE = "/subscriptions/12345678-1234-1234-1234-123456789012/resourceGroups/"
            + "monitoring/providers/Microsoft.OperationalInsights/workspaces/baseline";

    private final BatchDiagnosticLogs rule = new BatchDiagnosticLogs();

    /** The published setting (allLogs group to storage and event hub) with its logs replaced. */
    private static ResourceSnapshot withSettingLogs(String logs) {
        JsonObject setting = publishedSetting();
        setting.getAsJsonObject("properties").add("logs", Fixtures.parse(logs));
        return Fixtures.related(Accounts.get(), RelatedKind.DIAGNOSTIC_SETTINGS, List.of(setting));
    }

    private static JsonObject publishedSetting() {
        return Fixtures.items("Microsoft.Insights/diagnosticSettings/2021-05-01-preview_listDiagnosticSettings.json")
                .get(0).deepCopy();
    }

    @Test
    void notEvaluatedWhenSettingsAreNotLoaded() {
        var evaluation = assertStatus(Status.NOT_EVALUATED, rule, Accounts.get());
        assertTrue(evaluation.reason().contains("diagnostic settings"), evaluation.reason());
    }

    @Test
    void passesWithThePublishedAllLogsSetting() {
        assertStatus(Status.PASS, rule, Fixtures.related(Accounts.get(), RelatedKind.DIAGNOSTIC_SETTINGS,
                List.of(publishedSetting())));
    }

    @Test
    void passesWithTheAuditAndServiceLogCategories() {
        assertStatus(Status.PASS, rule, withSettingLogs(
                "[{\"category\":\"AuditLog\",\"enabled\":true},{\"category\":\"ServiceLog\",\"enabled\":true}]"));
    }

    @Test
    void failsWithTheAuditGroupWhichBatchDoesNotList() {
        var evaluation = assertStatus(Status.FAIL, rule, withSettingLogs("[{\"categoryGroup\":\"audit\",\"enabled\":true}]"));
        assertEquals("no diagnostic setting sends category group allLogs (or categories AuditLog + ServiceLog) to a"
                + " destination", evaluation.reason());
    }

    @Test
    void failsWhenServiceLogIsOnlyTheDeprecatedServiceLogs() {
        assertStatus(Status.FAIL, rule, withSettingLogs(
                "[{\"category\":\"AuditLog\",\"enabled\":true},{\"category\":\"ServiceLogs\",\"enabled\":true}]"));
    }

    @Test
    void fixIsBlockedWithoutAWorkspace() {
        ResourceSnapshot none = Fixtures.related(Accounts.get(), RelatedKind.DIAGNOSTIC_SETTINGS, List.of());
        var evaluation = assertStatus(Status.FAIL, rule, none);
        assertEquals("the resource has no diagnostic settings, so its resource logs are not kept", evaluation.reason());
        assertTrue(evaluation.fix().orElseThrow().blockedBy().orElseThrow().contains("BG_DIAGNOSTICS_WORKSPACE_ID"));
        assertTrue(new Planner().plan(none, List.of(rule), RuleSettings.defaults()).isEmpty());
    }

    @Test
    void fixPutsASettingWithAuditAndServiceLogs() {
        ResourceSnapshot none = Fixtures.related(Accounts.get(), RelatedKind.DIAGNOSTIC_SETTINGS, List.of());
        RemediationPlan plan = assertConverges(rule, none, RuleSettings.defaults().withDiagnosticsWorkspaceId(WORKSPACE));
        assertEquals("PUT", plan.steps().get(0).method());
        assertEquals(Accounts.get().id() + "/providers/Microsoft.Insights/diagnosticSettings/baseline-guard",
                plan.steps().get(0).target());
        assertEquals(Fixtures.parse("{\"properties\":{\"workspaceId\":\"" + WORKSPACE + "\",\"logs\":["
                + "{\"category\":\"AuditLog\",\"enabled\":true},{\"category\":\"ServiceLog\",\"enabled\":true}],"
                + "\"metrics\":[{\"category\":\"AllMetrics\",\"enabled\":true}]}}"), plan.steps().get(0).body());
    }
}
