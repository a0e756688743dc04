package com.baselineguard.rules.redisenterprise;

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
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedisEnterpriseDiagnosticLogsTest {

    private static final String PUBLISHED_SETTINGS =
            "Microsoft.Insights/diagnosticSettings/2021-05-01-preview_listDiagnosticSettings.json";
    private static final String WORKSPACE = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-monitor"
            + "/providers/Microsoft.OperationalInsights/workspaces/law-baseline";

    private final RedisEnterpriseDiagnosticLogs rule = new RedisEnterpriseDiagnosticLogs();

    private static ResourceSnapshot database(List<JsonObject> settings) {
        return Fixtures.related(Clusters.of(Clusters.DATABASE), RelatedKind.DIAGNOSTIC_SETTINGS, settings);
    }

    private static JsonObject connectionEventsOnly() {
        JsonObject setting = Fixtures.items(PUBLISHED_SETTINGS).get(0).deepCopy();
        setting.getAsJsonObject("properties").add("logs",
                Fixtures.parse("[{\"category\":\"ConnectionEvents\",\"enabled\":true}]"));
        return setting;
    }

    @Test
    void declaresTheDiagnosticSettingsItReads() {
        assertEquals(java.util.Set.of(RelatedKind.DIAGNOSTIC_SETTINGS), rule.relatedData());
    }

    @Test
    void isNotEvaluatedWithoutDiagnosticSettings() {
        assertStatus(Status.NOT_EVALUATED, rule, Clusters.of(Clusters.DATABASE));
    }

    @Test
    void passesWithThePublishedAllLogsSettingOrTheConnectionEventsCategory() {
        assertEquals("diagnostic setting 'mysetting' sends the required logs to a destination",
                assertStatus(Status.PASS, rule, database(Fixtures.items(PUBLISHED_SETTINGS))).reason());
        assertStatus(Status.PASS, rule, database(List.of(connectionEventsOnly())));
    }

    @Test
    void failsWithoutSettingsOrWithTheCategoryDisabled() {
        assertEquals("the resource has no diagnostic settings, so its resource logs are not kept",
                assertStatus(Status.FAIL, rule, database(List.of())).reason());
        JsonObject disabled = connectionEventsOnly();
        disabled.getAsJsonObject("properties").getAsJsonArray("logs").get(0).getAsJsonObject()
                .addProperty("enabled", false);
        assertEquals("no diagnostic setting sends category group allLogs or audit (or categories ConnectionEvents)"
                + " to a destination", assertStatus(Status.FAIL, rule, database(List.of(disabled))).reason());
    }

    @Test
    void fixIsBlockedWithoutAWorkspace() {
        var evaluation = assertStatus(Status.FAIL, rule, database(List.of()));
        assertEquals(Optional.of("no Log Analytics workspace is configured for diagnostic logs"
                + " (setting BG_DIAGNOSTICS_WORKSPACE_ID)"), evaluation.fix().orElseThrow().blockedBy());
        assertTrue(new Planner().plan(database(List.of()), List.of(rule), RuleSettings.defaults()).isEmpty());
    }

    @Test
    void fixPutsASettingOnTheDatabaseWithoutMetrics() {
        RuleSettings settings = RuleSettings.defaults().withDiagnosticsWorkspaceId(WORKSPACE);
        RemediationPlan plan = assertConverges(rule, database(List.of()), settings);
        assertEquals(1, plan.steps().size());
        PlanStep put = plan.steps().get(0);
        assertEquals("PUT", put.method());
        assertEquals("/subscriptions/e7b5a9d2-6b6a-4d2f-9143-20d9a10f5b8f/resourceGroups/rg1/providers/Microsoft.Cache"
                + "/redisEnterprise/cache1/databases/default/providers/Microsoft.Insights/diagnosticSettings/baseline-guard",
                put.target());
        assertEquals(Fixtures.parse("{\"properties\":{\"workspaceId\":\"" + WORKSPACE + "\","
                + "\"logs\":[{\"categoryGroup\":\"allLogs\",\"enabled\":true}],\"metrics\":[]}}"), put.body());
    }
}
