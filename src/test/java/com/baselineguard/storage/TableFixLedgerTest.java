package com.baselineguard.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.config.AzureSettings;
import com.baselineguard.engine.port.FixLedger;
import com.baselineguard.identity.Credentials;
import com.baselineguard.testing.TableStandIn;
import com.baselineguard.testing.arm.ArmStandIn;
import com.baselineguard.testing.arm.ManagedIdentityEnvironment;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The durable fix ledger through the real Tables SDK and managed identity against the table stand-in. */
class TableFixLedgerTest {

    private static final String CACHE = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1";

    // One identity endpoint for the class: MSAL caches managed-identity tokens JVM-wide.
    private static ArmStandIn arm;
    private static TableStandIn tables;
    private static ManagedIdentityEnvironment identity;

    @BeforeAll
    static void start() {
        arm = ArmStandIn.start();
        identity = ManagedIdentityEnvironment.of(arm);
        tables = TableStandIn.start(arm::issued);
    }

    @AfterAll
    static void stop() {
        tables.close();
        identity.close();
        arm.close();
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("IDENTITY_ENDPOINT", arm.identityEndpoint());
        env.put("IDENTITY_HEADER", arm.identityHeader());
        env.put(AzureSettings.TABLE_SERVICE_URI, tables.endpoint());
        env.put(AzureSettings.STORAGE_CLIENT_ID, "5b0e1c2d-0000-4000-8000-0000000000aa");
        return env;
    }

    /**
     * A ledger as the composition root builds one: the table endpoint and the storage identity from the
     * settings, the credential from the one credential factory.
     */
    private static FixLedger ledger() {
        AzureSettings azure = AzureSettings.read(environment());
        return TableFixLedger.create(azure.tableServiceUri().orElseThrow(),
                Credentials.of(azure.managedIdentityEndpoint(), azure.sdkEnvironment()).forClient(azure.storageClientId()));
    }

    @Test
    void fixesAreCountedPerResourceAndRuleSinceAnInstantAcrossLedgerInstances() {
        FixLedger first = ledger();
        Instant t0 = Instant.parse("2025-01-01T10:00:00Z");
        first.record(CACHE, List.of("REDIS-001", "REDIS-002"), t0);
        first.record(CACHE.toUpperCase(), List.of("REDIS-001"), t0.plusSeconds(600));
        first.record(CACHE, List.of("REDIS-001"), t0.plusSeconds(1200));
        // Another instance: a ledger of its own over the same table.
        FixLedger second = ledger();
        assertEquals(3, second.fixesSince(CACHE, "REDIS-001", t0));
        assertEquals(2, second.fixesSince(CACHE.toLowerCase(), "REDIS-001", t0.plusSeconds(1)));
        assertEquals(1, second.fixesSince(CACHE, "REDIS-002", t0));
        assertEquals(0, second.fixesSince(CACHE, "REDIS-003", t0));
        assertEquals(0, second.fixesSince(CACHE + "x", "REDIS-001", t0));
        assertEquals(4, tables.entities(TableFixLedger.TABLE).stream()
                .filter(e -> e.get("ResourceId").getAsString().equalsIgnoreCase(CACHE)).count());
        assertTrue(arm.tokenRequests().stream().allMatch(r -> r.resource().contains("storage.azure.com")),
                "tokens for Azure Storage from the managed identity: " + arm.tokenRequests());
        assertTrue(arm.tokenRequests().stream().allMatch(r -> "5b0e1c2d-0000-4000-8000-0000000000aa".equals(r.clientId())));
    }

    @Test
    void anEmptyOrMissingTableCountsNothing() {
        FixLedger ledger = ledger();
        assertEquals(0, ledger.fixesSince(CACHE + "/never", "REDIS-001", Instant.EPOCH));
    }

    @Test
    void withoutATableEndpointThereIsNoDurableLedger() {
        assertTrue(AzureSettings.read(Map.of()).tableServiceUri().isEmpty());
    }
}
