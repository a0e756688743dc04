package com.baselineguard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.Outcome;
import com.baselineguard.engine.Result;
import com.baselineguard.testing.Fixtures;
import com.baselineguard.testing.LiveHarness;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redis Enterprise through the real Azure SDK against the local ARM stand-in: the cluster is read and
 * patched at api-version 2025-07-01, and writes wait for both provisioningState and resourceState.
 */
class RedisEnterpriseRemediatorLiveTest {

    private static final String DIR = "Microsoft.Cache/redisEnterprise/";

    private LiveHarness live;

    @BeforeEach
    void start() {
        live = LiveHarness.start();
    }

    @AfterEach
    void stop() {
        live.close();
    }

    private Outcome handle(String id) {
        return live.remediate(id, false);
    }

    /** The published 2025-07-01 cluster (Succeeded, Running) with an obsolete minimum TLS version. */
    private static JsonObject clusterWithTls11() {
        JsonObject cluster = Fixtures.json(DIR + "2025-07-01_RedisEnterpriseCreate.json").getAsJsonObject();
        cluster.getAsJsonObject("properties").addProperty("minimumTlsVersion", "1.1");
        return cluster;
    }

    @Test
    void fixesTheMinimumTlsVersionOfAPublishedClusterAtApiVersion20250701() {
        JsonObject cluster = clusterWithTls11();
        assertEquals("Succeeded", cluster.getAsJsonObject("properties").get("provisioningState").getAsString());
        assertEquals("Running", cluster.getAsJsonObject("properties").get("resourceState").getAsString());
        String id = live.store(cluster);
        Outcome outcome = handle(id);
        assertEquals(Result.REMEDIATED, outcome.result(), outcome.reason());
        assertEquals(3, outcome.armCalls(), "one read (no cluster rule needs diagnostic settings), the private endpoint"
                + " connections the published body does not carry, and one PATCH");
        assertEquals(1, live.arm.requests().stream().filter(r -> r.path().endsWith("/privateEndpointConnections")).count());
        assertEquals(1, live.patches().size());
        assertEquals(Fixtures.parse("{\"properties\":{\"minimumTlsVersion\":\"1.2\"}}"), live.patches().get(0).json());
        assertEquals("2025-07-01", live.patches().get(0).apiVersion());
        assertTrue(live.arm.requests().stream().allMatch(r -> r.apiVersion().equals("2025-07-01")));
        assertEquals("1.2", live.arm.resource(id).orElseThrow().getAsJsonObject("properties")
                .get("minimumTlsVersion").getAsString());
    }

    @Test
    void theClustersPrivateEndpointConnectionsAreListedAtApiVersion20250701() {
        String id = live.store(Fixtures.json(DIR + "2025-07-01_RedisEnterpriseCreate.json").getAsJsonObject());
        live.arm.putChildren(id, "privateEndpointConnections",
                Fixtures.items(DIR + "privateEndpointConnections/2025-07-01_RedisEnterpriseListPrivateEndpointConnections.json"));
        Outcome outcome = handle(id);
        assertEquals("pass", outcome.findings().stream().filter(f -> f.rule().id().equals("REDISENT-004")).findFirst()
                .orElseThrow().status().label(), outcome.findings().toString());
        assertEquals(1, live.arm.requests().stream().filter(r -> r.path().endsWith("/privateEndpointConnections")
                && r.apiVersion().equals("2025-07-01")).count());
    }

    @Test
    void thePublishedUpdatingClusterIsDeferredWithoutAWrite() {
        JsonObject cluster = Fixtures.json(DIR + "2025-07-01_RedisEnterpriseUpdate.json").getAsJsonObject();
        cluster.getAsJsonObject("properties").addProperty("minimumTlsVersion", "1.1");
        Outcome outcome = handle(live.store(cluster));
        assertEquals(Result.DEFERRED, outcome.result());
        assertEquals("provisioningState is Updating; waiting for it to settle", outcome.reason());
        assertEquals(0, live.patches().size());
    }

    @Test
    void aClusterStillScalingAfterProvisioningSucceededIsDeferred() {
        JsonObject cluster = clusterWithTls11();
        cluster.getAsJsonObject("properties").addProperty("resourceState", "Scaling");
        Outcome outcome = handle(live.store(cluster));
        assertEquals(Result.DEFERRED, outcome.result());
        assertEquals("resourceState is Scaling; waiting for it to settle", outcome.reason());
        assertTrue(outcome.followUp().isPresent());
        assertEquals(0, live.patches().size());
    }

    @Test
    void aDisabledClusterIsReportedButNeverWritten() {
        JsonObject cluster = clusterWithTls11();
        cluster.getAsJsonObject("properties").addProperty("resourceState", "Disabled");
        Outcome outcome = handle(live.store(cluster));
        assertEquals(Result.AUDITED, outcome.result());
        assertEquals("resourceState is Disabled; Baseline Guard writes only to a resource in state Running", outcome.reason());
        assertTrue(outcome.followUp().isEmpty());
        assertEquals(0, live.patches().size());
    }

    @Test
    void aDatabaseIsReadWithItsDiagnosticSettingsAndAuditedUnderDefaultModes() {
        String id = live.store(Fixtures.json(DIR + "databases/2025-07-01_RedisEnterpriseDatabasesGet.json")
                .getAsJsonObject());
        Outcome outcome = handle(id);
        // Access keys Enabled (REDISENT-005, disruptive: audit) and no diagnostic setting without a workspace.
        assertEquals(Result.AUDITED, outcome.result(), outcome.reason());
        assertEquals(2, outcome.armCalls(), "the database and its diagnostic settings");
        assertEquals(0, live.patches().size());
        assertTrue(live.arm.requests().stream().allMatch(r -> r.apiVersion().equals("2025-07-01")
                || r.apiVersion().equals("2021-05-01-preview")));
    }
}
