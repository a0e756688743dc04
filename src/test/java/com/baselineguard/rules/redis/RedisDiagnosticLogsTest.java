package com.baselineguard.rules.redis;

import static com.baselineguard.testing.RuleHarness.assertConverges;
import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.PlanStep;
import com.baselineguard.engine.Planner;
import com.baselineguard.engine.RemediationPlan;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedisDiagnosticLogsTest {

    private static final String CACHE = "Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json";
    private static final String PUBLISHED_SETTINGS =
            "Microsoft.Insights/diagnosticSettings/2021-05-01-preview_listDiagnosticSettings.json";
    private static final String WORKSPACE = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-monitor"
            + "/providers/Microsoft.OperationalInsights/workspaces/law-baseline";

    private final RedisDiagnosticLogs rule = new RedisDiagnosticLogs();

    private static ResourceSnapshot withoutSettings() {
        return Fixtures.related(Fixtures.snapshot(CACHE), RelatedKind.DIAGNOSTIC_SETTINGS, List.of());
    }

    @Test
    void isNotEvaluatedWithoutDiagnosticSettings() {
        var evaluation = assertStatus(Status.NOT_EVALUATED, rule, Fixtures.snapshot(CACHE));
        assertEquals("the snapshot does not carry the resource's diagnostic settings"
                + " (Microsoft.Insights/diagnosticSettings)", evaluation.reason());
    }

    @Test
    void passesWithThePublishedAllLogsSettingToStorageAndEventHub() {
        // The published setting has an empty workspaceId but storage and event hub destinations.
        ResourceSnapshot cache = Fixtures.related(Fixtures.snapshot(CACHE), RelatedKind.DIAGNOSTIC_SETTINGS,
                Fixtures.items(PUBLISHED_SETTINGS));
        var evaluation = assertStatus(Status.PASS, rule, cache);
        assertEquals("diagnostic setting 'mysetting' sends the required logs to a destination", evaluation.reason());
    }

    @Test
    void failsWithNoDiagnosticSettings() {
        var evaluation = assertStatus(Status.FAIL, rule, withoutSettings());
        assertEquals("the resource has no diagnostic settings, so its resource logs are not kept", evaluation.reason());
    }

    @Test
    void fixIsBlockedWithoutAWorkspace() {
        var evaluation = assertStatus(Status.FAIL, rule, withoutSettings());
        assertEquals(Optional.of("no Log Analytics workspace is configured for diagnostic logs"
                + " (setting BG_DIAGNOSTICS_WORKSPACE_ID)"), evaluation.fix().orElseThrow().blockedBy());
        assertTrue(new Planner().plan(withoutSettings(), List.of(rule), RuleSettings.defaults()).isEmpty());
    }

    @Test
    void fixPutsASettingToTheConfiguredWorkspace() {
        RuleSettings settings = RuleSettings.defaults().withDiagnosticsWorkspaceId(WORKSPACE);
        RemediationPlan plan = assertConverges(rule, withoutSettings(), settings);
        assertEquals(1, plan.steps().size());
        PlanStep put = plan.steps().get(0);
        assertEquals("PUT", put.method());
        assertEquals("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache"
                + "/Redis/cache1/providers/Microsoft.Insights/diagnosticSettings/baseline-guard", put.target());
        assertEquals(Fixtures.parse("{\"properties\":{\"workspaceId\":\"" + WORKSPACE + "\","
                + "\"logs\":[{\"categoryGroup\":\"allLogs\",\"enabled\":true}],"
                + "\"metrics\":[{\"category\":\"AllMetrics\",\"enabled\":true}]}}"), put.body());
    }
}
