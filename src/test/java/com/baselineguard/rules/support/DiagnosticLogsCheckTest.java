package com.baselineguard.rules.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DiagnosticLogsCheckTest {

    private final DiagnosticLogsCheck check = new DiagnosticLogsCheck(Set.of("allLogs"), Set.of("AuditLog", "ServiceLog"),
            new JsonArray());
    private final ResourceSnapshot account = Fixtures.snapshot("Microsoft.Batch/batchAccounts/2025-06-01_BatchAccountGet.json");

    @Test
    void readsTheFlattenedShapeTheAzureCliPrints() {
        // az monitor diagnostic-settings list prints the properties flattened onto the setting.
        JsonObject published = Fixtures.json("Microsoft.Insights/diagnosticSettings/2021-05-01-preview_getDiagnosticSetting.json")
                .getAsJsonObject();
        JsonObject flattened = published.getAsJsonObject("properties").deepCopy();
        flattened.addProperty("name", "flat");
        ResourceSnapshot withFlat = account.withRelated(RelatedKind.DIAGNOSTIC_SETTINGS, List.of(flattened));
        assertEquals(Status.PASS, check.evaluate(withFlat, RuleSettings.defaults()).status());
        ResourceSnapshot withNested = account.withRelated(RelatedKind.DIAGNOSTIC_SETTINGS, List.of(published));
        assertEquals(Status.PASS, check.evaluate(withNested, RuleSettings.defaults()).status());
    }

    @Test
    void aSettingWithoutDestinationDoesNotCount() {
        JsonObject noDestination = Fixtures.parse(
                "{\"name\":\"x\",\"properties\":{\"workspaceId\":\"\",\"logs\":[{\"categoryGroup\":\"allLogs\",\"enabled\":true}]}}")
                .getAsJsonObject();
        ResourceSnapshot snapshot = account.withRelated(RelatedKind.DIAGNOSTIC_SETTINGS, List.of(noDestination));
        assertEquals(Status.FAIL, check.evaluate(snapshot, RuleSettings.defaults()).status());
    }

    @Test
    void disabledLogsDoNotCount() {
        JsonObject disabled = Fixtures.parse("{\"name\":\"x\",\"properties\":{\"workspaceId\":\"/subscriptions/s/resourceGroups/r/providers/"
                + "Microsoft.OperationalInsights/workspaces/w\",\"logs\":[{\"category\":\"AuditLog\",\"enabled\":true},"
                + "{\"category\":\"ServiceLog\",\"enabled\":\"false\"}]}}").getAsJsonObject();
        ResourceSnapshot snapshot = account.withRelated(RelatedKind.DIAGNOSTIC_SETTINGS, List.of(disabled));
        assertEquals(Status.FAIL, check.evaluate(snapshot, RuleSettings.defaults()).status());
    }
}
