package com.baselineguard.rules.redisenterprise;

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
import com.google.gson.JsonNull;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedisEnterprisePublicNetworkAccessTest {

    private final RedisEnterprisePublicNetworkAccess rule = new RedisEnterprisePublicNetworkAccess();

    /** The published updated cluster (public access Enabled) with the published Approved connection loaded beside it. */
    private static ResourceSnapshot publicWithApprovedEndpoint() {
        return Fixtures.related(settled(Clusters.of(Clusters.UPDATED)), RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS,
                List.of(Fixtures.json(Clusters.PRIVATE_ENDPOINT_CONNECTION).getAsJsonObject()));
    }

    private static ResourceSnapshot settled(ResourceSnapshot cluster) {
        return Fixtures.with(cluster, "properties.provisioningState", Fixtures.parse("\"Succeeded\""));
    }

    @Test
    void passesWhenThePublishedClusterHasPublicAccessDisabled() {
        assertEquals("properties.publicNetworkAccess is \"Disabled\"",
                assertStatus(Status.PASS, rule, Clusters.of(Clusters.CREATED)).reason());
    }

    @Test
    void isNotApplicableAndNeverPatchedOnAClusterFromAnOldApiVersionWithoutTheProperty() {
        // The published 2023-11-01 cluster has no publicNetworkAccess; its approved connection would unblock a fix.
        ResourceSnapshot old = settled(Clusters.of(Clusters.OLD));
        var evaluation = assertStatus(Status.NOT_APPLICABLE, rule, old);
        assertEquals("properties.publicNetworkAccess is not set (null or absent): \"null is returned only for clusters"
                + " created using an old API version which do not have this property and cannot be set\"",
                evaluation.reason());
        assertTrue(new Planner().plan(old, List.of(rule), RuleSettings.defaults()).isEmpty());
    }

    @Test
    void anExplicitNullIsNotApplicableAndNeverPatchedEvenWithAnApprovedPrivateEndpoint() {
        ResourceSnapshot nullAccess = Fixtures.with(publicWithApprovedEndpoint(), "properties.publicNetworkAccess",
                JsonNull.INSTANCE);
        var evaluation = assertStatus(Status.NOT_APPLICABLE, rule, nullAccess);
        assertTrue(evaluation.fix().isEmpty());
        assertTrue(new Planner().plan(nullAccess, List.of(rule), RuleSettings.defaults()).isEmpty());
    }

    @Test
    void failsWhenEnabledAndFixesWithAnApprovedPrivateEndpoint() {
        var evaluation = assertStatus(Status.FAIL, rule, publicWithApprovedEndpoint());
        assertEquals("properties.publicNetworkAccess is \"Enabled\"; expected \"Disabled\"", evaluation.reason());
        RemediationPlan plan = assertConverges(rule, publicWithApprovedEndpoint(), RuleSettings.defaults());
        assertEquals(1, plan.steps().size());
        assertEquals(Fixtures.parse("{\"properties\":{\"publicNetworkAccess\":\"Disabled\"}}"), plan.steps().get(0).body());
    }

    @Test
    void fixIsBlockedWhenTheSnapshotDoesNotShowPrivateEndpoints() {
        // The published 2025-07-01 update body carries no privateEndpointConnections array.
        var evaluation = assertStatus(Status.FAIL, rule, Clusters.of(Clusters.UPDATED));
        assertEquals(Optional.of("the snapshot does not show private endpoint connections, so an approved private"
                + " endpoint cannot be confirmed; turning public access off could cut every client off"),
                evaluation.fix().orElseThrow().blockedBy());
    }

    @Test
    void fixIsBlockedWithoutAnApprovedPrivateEndpoint() {
        ResourceSnapshot none = Fixtures.related(Clusters.of(Clusters.UPDATED), RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS,
                List.of());
        var evaluation = assertStatus(Status.FAIL, rule, none);
        assertTrue(evaluation.fix().orElseThrow().blocked());
        assertTrue(new Planner().plan(none, List.of(rule), RuleSettings.defaults()).isEmpty());
    }
}
