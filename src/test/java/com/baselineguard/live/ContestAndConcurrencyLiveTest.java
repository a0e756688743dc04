package com.baselineguard.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.app.Composition;
import com.baselineguard.engine.EventIntake;
import com.baselineguard.engine.Outcome;
import com.baselineguard.engine.Remediator;
import com.baselineguard.engine.Result;
import com.baselineguard.engine.Trigger;
import com.baselineguard.testing.Fixtures;
import com.baselineguard.testing.LiveHarness;
import com.baselineguard.testing.TableStandIn;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Duplicated and concurrent deliveries, and the loop and fight guard, over the real SDK and the stand-in. */
public class ContestAndConcurrencyLiveTest {

    private static final String CACHE = FaultsLiveTest.CACHE;
    private static final List<String> POOL_FIXTURES = List.of(
            "Microsoft.Batch/batchAccounts/pools/2024-07-01_PoolGet.json",
            "Microsoft.Batch/batchAccounts/pools/2024-07-01_PoolCreate_ResourceTags.json",
            "Microsoft.Batch/batchAccounts/pools/2025-06-01_PoolCreate_DualStackNetworking.json",
            "Microsoft.Batch/batchAccounts/pools/2025-06-01_PoolCreate_CustomerManagedKey_ForBatchManagedAccounts.json",
            "Microsoft.Batch/batchAccounts/pools/2024-07-01_PoolCreate_CloudServiceConfiguration.json",
            "Microsoft.Batch/batchAccounts/pools/2025-06-01_PoolCreate_ConfidentialDiskEncryptionSet_ForUserSubscriptionAccounts.json",
            "Microsoft.Batch/batchAccounts/pools/2025-06-01_PoolCreate_DiskEncryptionSet_ForUserSubscriptionAccounts.json");

    private LiveHarness live;

    @BeforeEach
    void start() {
        live = LiveHarness.start();
    }

    @AfterEach
    void stop() {
        live.close();
    }

    /** A clock tests move forward. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    public static String event(String resourceId, String eventId) {
        JsonElement root = Fixtures.json("Microsoft.EventGrid/events/event-grid-schema_resource_write_success.json");
        JsonObject event = root.isJsonArray() ? root.getAsJsonArray().get(0).getAsJsonObject() : root.getAsJsonObject();
        event.addProperty("id", eventId);
        event.addProperty("subject", resourceId);
        JsonObject data = event.getAsJsonObject("data");
        data.addProperty("resourceUri", resourceId);
        data.addProperty("operationName", "Microsoft.Cache/redis/write");
        JsonArray delivery = new JsonArray();
        delivery.add(event);
        return delivery.toString();
    }

    private static List<Outcome> concurrently(int threads, java.util.function.IntFunction<List<Outcome>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Outcome>>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                go.await();
                return work.apply(n);
            }));
        }
        go.countDown();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<List<Outcome>> f : futures) {
            outcomes.addAll(f.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return outcomes;
    }

    @Test
    void theSameEventAndManyEventsForOneResourceAtOnceEndCompliantWithOnePatch() throws Exception {
        live.store(FaultsLiveTest.cache());
        live.arm.settleAfterGets(CACHE, 0);
        Composition app = live.composition();
        EventIntake intake = new EventIntake(app.remediator(), Optional.empty());
        int threads = 16;
        // Half the threads deliver the same event; the other half distinct events for the same resource.
        List<Outcome> outcomes = concurrently(threads, n -> intake.handle(event(CACHE, n % 2 == 0 ? "same-event" : "event-" + n)));
        assertEquals(threads, outcomes.size(), "one outcome per delivery");
        assertEquals(1, live.patches().size(), "no redundant PATCH: " + outcomes.stream().map(Outcome::result).toList());
        JsonObject after = live.arm.resource(CACHE).orElseThrow().getAsJsonObject("properties");
        assertEquals("1.2", after.get("minimumTlsVersion").getAsString());
        assertEquals(false, after.get("enableNonSslPort").getAsBoolean());
    }

    @Test
    void twoInstancesRacingOnAResourceWithAnEtagWriteOnceTheOtherGets412AndDefers() throws Exception {
        Remediator a = live.composition().remediator();
        Remediator b = live.composition().remediator();
        // A published pool (they carry an etag) whose plan has a fix under default modes.
        String id = null;
        for (String fixture : POOL_FIXTURES) {
            JsonObject pool = Fixtures.json(fixture).getAsJsonObject();
            if (!pool.has("etag") || !pool.has("id")) {
                continue;
            }
            String candidate = live.store(pool);
            live.arm.settleAfterGets(candidate, 0);
            Outcome plan = a.handle(a.start(candidate, Trigger.HTTP, Optional.empty(), Optional.empty(), true));
            if (plan.actions().stream().anyMatch(x -> x.method().equals("PATCH"))) {
                id = candidate;
                break;
            }
        }
        if (id == null) {
            // No published pool has a fix that is PATCHed under default modes (pool fixes are create-time or
            // audit-only), so exercise the If-Match mechanism on a Batch account given a pool-style etag.
            JsonObject account = Fixtures.json("Microsoft.Batch/batchAccounts/2025-06-01_BatchAccountGet.json").getAsJsonObject();
            account.addProperty("etag", "W/\"0x8D4EDFEBFADF4AB\"");
            id = live.store(account);
            live.arm.settleAfterGets(id, 0);
        }
        String target = id;
        live.arm.clearRequests();
        // Both read before either writes: the stand-in answers slowly.
        live.arm.delay(Duration.ofMillis(300));
        List<Outcome> outcomes = concurrently(2, n -> List.of((n == 0 ? a : b).handle(
                (n == 0 ? a : b).start(target, Trigger.HTTP, Optional.empty(), Optional.empty(), false))));
        live.arm.delay(Duration.ZERO);
        long applied = live.patches().stream().filter(r -> r.status() / 100 == 2).count();
        long refused = live.patches().stream().filter(r -> r.status() == 412).count();
        assertTrue(live.patches().stream().allMatch(r -> r.header("If-Match") != null), "every PATCH carries If-Match");
        assertEquals(1, applied, "one write wins");
        assertEquals(live.patches().size() - 1, refused, "the other, if it wrote at all, got 412");
        if (refused == 1) {
            assertTrue(outcomes.stream().anyMatch(o -> o.result() == Result.DEFERRED && o.reason().contains("412")));
        }
    }

    @Test
    void afterNFixesInTheWindowTheResourceIsContestedUntilTheWindowPasses() {
        live.with("BG_CONTEST_MAX_FIXES", "3").with("BG_CONTEST_WINDOW_MINUTES", "60");
        JsonObject original = FaultsLiveTest.cache();
        live.store(original);
        live.arm.settleAfterGets(CACHE, 0);
        MovableClock clock = new MovableClock();
        Composition app = Composition.withGateway(live.environment(), live.composition().armGateway(), clock);
        Remediator remediator = app.remediator();
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            results.add(remediator.handle(remediator.start(CACHE, Trigger.EVENT, Optional.empty(), Optional.empty(), false)).result());
            live.arm.put(original); // something reverts the fix
            clock.advance(Duration.ofMinutes(5));
        }
        assertEquals(List.of(Result.REMEDIATED, Result.REMEDIATED, Result.REMEDIATED, Result.CONTESTED, Result.CONTESTED), results);
        assertEquals(3, live.patches().size(), "no PATCH while contested");
        clock.advance(Duration.ofMinutes(60));
        Outcome after = remediator.handle(remediator.start(CACHE, Trigger.EVENT, Optional.empty(), Optional.empty(), false));
        assertEquals(Result.REMEDIATED, after.result(), after.reason());
        assertEquals(4, live.patches().size());
    }

    @Test
    void theFixHistorySurvivesAcrossInstancesThroughTheTableLedger() {
        try (TableStandIn tables = TableStandIn.start(live.arm::issued)) {
            live.with("AzureWebJobsStorage__tableServiceUri", tables.endpoint()).with("BG_CONTEST_MAX_FIXES", "2");
            JsonObject original = FaultsLiveTest.cache();
            live.store(original);
            live.arm.settleAfterGets(CACHE, 0);
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Remediator instance = live.composition().remediator(); // a fresh instance each time
                results.add(instance.handle(instance.start(CACHE, Trigger.EVENT, Optional.empty(), Optional.empty(), false)).result());
                live.arm.put(original);
            }
            assertEquals(List.of(Result.REMEDIATED, Result.REMEDIATED, Result.CONTESTED), results);
            assertEquals(2, live.patches().size());
            assertTrue(tables.entities("baselineguardfixes").size() >= 2);
        }
    }
}
