package com.baselineguard.rules.redisenterprise;

import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.baselineguard.model.RelatedKind;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisEnterprisePrivateEndpointTest {

    private final RedisEnterprisePrivateEndpoint rule = new RedisEnterprisePrivateEndpoint();

    @Test
    void passesOnTheOlderClusterWithAnApprovedConnectionInItsBody() {
        assertEquals("1 of 1 private endpoint connections is Approved",
                assertStatus(Status.PASS, rule, Clusters.of(Clusters.OLD)).reason());
    }

    @Test
    void passesWithThePublishedConnectionChildLoadedBeside() {
        assertStatus(Status.PASS, rule, Fixtures.related(Clusters.of(Clusters.CREATED),
                RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS,
                List.of(Fixtures.json(Clusters.PRIVATE_ENDPOINT_CONNECTION).getAsJsonObject())));
    }

    @Test
    void isNotEvaluatedWhenTheSnapshotDoesNotShowConnections() {
        assertEquals("the snapshot does not show the cluster's private endpoint connections"
                + " (properties.privateEndpointConnections or the privateEndpointConnections children)",
                assertStatus(Status.NOT_EVALUATED, rule, Clusters.of(Clusters.CREATED)).reason());
    }

    @Test
    void failsWithNoConnectionsOrNoneApproved() {
        assertEquals("the cluster has no private endpoint connections", assertStatus(Status.FAIL, rule,
                Fixtures.related(Clusters.of(Clusters.CREATED), RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS, List.of()))
                .reason());
        var pending = Fixtures.with(Clusters.of(Clusters.OLD), "properties.privateEndpointConnections", Fixtures.parse(
                "[{\"properties\":{\"privateLinkServiceConnectionState\":{\"status\":\"Pending\"}}}]"));
        assertEquals("none of the cluster's 1 private endpoint connections is Approved (states: Pending)",
                assertStatus(Status.FAIL, rule, pending).reason());
    }
}
