package com.baselineguard.rules.redis;

import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedisPrivateEndpointTest {

    private static final String CACHE_WITH_ENDPOINT = "Microsoft.Cache/redis/2020-06-01_RedisCacheGet.json";
    private static final String CACHE_WITHOUT_ENDPOINT_DATA = "Microsoft.Cache/redis/2024-11-01_RedisCacheCreate.json";
    private static final String CONNECTIONS =
            "Microsoft.Cache/redis/privateEndpointConnections/2024-11-01_RedisCacheListPrivateEndpointConnections.json";

    private final RedisPrivateEndpoint rule = new RedisPrivateEndpoint();

    @Test
    void passesWhenThePublishedCacheBodyShowsAnApprovedConnection() {
        var evaluation = assertStatus(Status.PASS, rule, Fixtures.snapshot(CACHE_WITH_ENDPOINT));
        assertEquals("1 of 1 private endpoint connections is Approved", evaluation.reason());
    }

    @Test
    void passesWhenTheChildCollectionIsLoaded() {
        ResourceSnapshot cache = Fixtures.related(Fixtures.snapshot(CACHE_WITHOUT_ENDPOINT_DATA),
                RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS, Fixtures.items(CONNECTIONS));
        assertStatus(Status.PASS, rule, cache);
    }

    @Test
    void failsWhenTheCacheHasNoConnections() {
        ResourceSnapshot none = Fixtures.related(Fixtures.snapshot(CACHE_WITHOUT_ENDPOINT_DATA),
                RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS, List.of());
        var evaluation = assertStatus(Status.FAIL, rule, none);
        assertEquals("the cache has no private endpoint connections", evaluation.reason());
    }

    @Test
    void failsWhenNoConnectionIsApproved() {
        JsonObject pending = Fixtures.items(CONNECTIONS).get(0).deepCopy();
        pending.getAsJsonObject("properties").getAsJsonObject("privateLinkServiceConnectionState")
                .addProperty("status", "Pending");
        ResourceSnapshot cache = Fixtures.related(Fixtures.snapshot(CACHE_WITHOUT_ENDPOINT_DATA),
                RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS, List.of(pending));
        var evaluation = assertStatus(Status.FAIL, rule, cache);
        assertEquals("none of the cache's 1 private endpoint connections is Approved (states: Pending)",
                evaluation.reason());
    }

    @Test
    void isNotEvaluatedWhenTheSnapshotDoesNotShowConnections() {
        var evaluation = assertStatus(Status.NOT_EVALUATED, rule, Fixtures.snapshot(CACHE_WITHOUT_ENDPOINT_DATA));
        assertEquals("the snapshot does not show the cache's private endpoint connections"
                + " (properties.privateEndpointConnections or the privateEndpointConnections children)",
                evaluation.reason());
    }

    @Test
    void isNotApplicableToVnetInjectedCaches() {
        ResourceSnapshot injected = Fixtures.with(Fixtures.snapshot(CACHE_WITHOUT_ENDPOINT_DATA), "properties.subnetId",
                Fixtures.parse("\"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg2/providers/Microsoft.Network/virtualNetworks/network1/subnets/subnet1\""));
        assertStatus(Status.NOT_APPLICABLE, rule, injected);
    }
}
