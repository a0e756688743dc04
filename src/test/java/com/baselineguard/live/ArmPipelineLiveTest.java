package com.baselineguard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.Outcome;
import com.baselineguard.testing.LiveHarness;
import com.baselineguard.testing.arm.Fault;
import com.baselineguard.testing.arm.Request;
import com.baselineguard.testing.arm.TokenRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every request of the production ARM pipeline (arm/ArmConnection, built from azure-core's policies)
 * carries, as the stand-in received it.
 */
class ArmPipelineLiveTest {

    private LiveHarness live;

    @BeforeEach
    void start() {
        live = LiveHarness.start();
        live.store(FaultsLiveTest.cache());
        live.arm.settleAfterGets(FaultsLiveTest.CACHE, 0);
    }

    @AfterEach
    void stop() {
        live.close();
    }

    private Outcome handle() {
        return live.remediate(FaultsLiveTest.CACHE, false);
    }

    @Test
    void everyRequestIsSignedNamesBaselineGuardAndCarriesItsOwnRequestId() {
        handle();

        List<Request> requests = live.arm.requests();
        assertFalse(requests.isEmpty());
        Set<String> ids = new HashSet<>();
        for (Request r : requests) {
            assertTrue(r.header("Authorization").startsWith("Bearer "), r.method() + " " + r.path());
            assertTrue(r.header("User-Agent").startsWith("baseline-guard"), r.header("User-Agent"));
            assertEquals("true", r.header("x-ms-return-client-request-id"));
            ids.add(UUID.fromString(r.header("x-ms-client-request-id")).toString());
        }
        assertEquals(requests.size(), ids.size(), "one client request id per request");
        // The token is asked for the ARM audience (the endpoint itself here), as the management SDKs ask for it.
        List<TokenRequest> tokens = live.arm.tokenRequests();
        assertFalse(tokens.isEmpty());
        assertTrue(tokens.stream().allMatch(t -> t.resource().equals(live.arm.endpoint() + "/")), tokens.toString());
    }

    @Test
    void aRetriedRequestKeepsItsClientRequestIdAndIsSignedAgain() {
        live.arm.inject(Fault.on("GET", FaultsLiveTest.CACHE_PATH).status(503).times(1));

        handle();

        List<Request> gets = live.arm.requests().stream().filter(r -> r.method().equals("GET")
                && r.path().endsWith("/Redis/cache1")).toList();
        assertEquals(503, gets.get(0).status());
        assertEquals(200, gets.get(1).status());
        assertEquals(gets.get(0).header("x-ms-client-request-id"), gets.get(1).header("x-ms-client-request-id"));
        assertTrue(gets.get(1).header("Authorization").startsWith("Bearer "));
    }
}
