package com.baselineguard.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.model.JsonPath;
import com.baselineguard.model.ResourceId;
import com.baselineguard.rules.Change;
import com.baselineguard.rules.FixStage;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What "safe to continue after a refused step" means, case by case. */
class StepIndependenceTest {

    private static PlanStep patch(String rule, String... paths) {
        List<PlannedChange> changes = java.util.Arrays.stream(paths)
                .map(p -> new PlannedChange(rule, new Change.Property(JsonPath.of(p), null, new JsonPrimitive(true))))
                .toList();
        return new PlanStep(1, new PlanStep.PatchResource(ResourceId.parse(
                "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/redis/x"),
                new JsonObject()), changes);
    }

    @Test
    void anUnrelatedPropertyInAnUnrelatedStageContinues() {
        assertTrue(StepIndependence.independent(patch("B", "properties.redisConfiguration.x"), FixStage.VERSION,
                Map.of(patch("A", "properties.minimumTlsVersion"), FixStage.HARDENING)));
    }

    @Test
    void theSameOrANestedPropertyStops() {
        assertFalse(StepIndependence.independent(patch("B", "properties.redisConfiguration.aad-enabled"), FixStage.HARDENING,
                Map.of(patch("A", "properties.redisConfiguration"), FixStage.HARDENING)));
        assertFalse(StepIndependence.independent(patch("B", "identity"), FixStage.HARDENING,
                Map.of(patch("A", "identity"), FixStage.IDENTITY)));
    }

    @Test
    void aStageThatBuildsOnTheRefusedOneStops() {
        assertFalse(StepIndependence.independent(patch("B", "properties.autoStorage.authenticationMode"), FixStage.USES_IDENTITY,
                Map.of(patch("A", "identity.type"), FixStage.IDENTITY)));
        assertFalse(StepIndependence.independent(patch("B", "properties.disableAccessKeyAuthentication"),
                FixStage.LOCAL_AUTHENTICATION, Map.of(patch("A", "properties.redisConfiguration.aad-enabled"),
                        FixStage.ENTRA_AUTHENTICATION)));
        assertFalse(StepIndependence.independent(patch("B", "properties.publicNetworkAccess"), FixStage.NETWORK_ISOLATION,
                Map.of(patch("A", "properties.minimumTlsVersion"), FixStage.HARDENING)));
    }

    @Test
    void anUnknownStageStops() {
        assertFalse(StepIndependence.independent(patch("B", "tags"), null, Map.of(patch("A", "sku"), FixStage.HARDENING)));
    }
}
