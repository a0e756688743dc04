package com.baselineguard.live;

import com.baselineguard.app.Composition;
import com.baselineguard.engine.EventIntake;
import com.baselineguard.engine.Outcome;
import com.baselineguard.engine.Remediator;
import com.baselineguard.engine.Result;
import com.baselineguard.engine.WorkItem;
import com.baselineguard.testing.LiveHarness;
import com.baselineguard.testing.arm.Fault;
import com.baselineguard.testing.arm.Request;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One scenario per fault kind, each delivered as an Event Grid event and run to the end of its chain
 * of work (follow-ups made due at once): what the reliability report tabulates and the secrets test
 * replays with all logging on.
 */
public final class LiveScenarios {

    public static final String CACHE = FaultsLiveTest.CACHE;
    private static final String PATH = FaultsLiveTest.CACHE_PATH;

    private LiveScenarios() {
    }

    /** What one fault kind produced. */
    public record Row(String kind, String fault, long injected, int deliveries, int outcomeRecords,
            Map<String, Integer> results, String finalResult) {
    }

    private record Scenario(String kind, String fault, boolean slow, Consumer<LiveHarness> inject,
            Predicate<Request> injectedRequest, Map<String, String> settings) {

        Scenario(String kind, String fault, boolean slow, Consumer<LiveHarness> inject, Predicate<Request> injectedRequest) {
            this(kind, fault, slow, inject, injectedRequest, Map.of());
        }
    }

    /** The Log Analytics workspace of the diagnostic-logs scenario. */
    static final String WORKSPACE = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/logs/providers/"
            + "Microsoft.OperationalInsights/workspaces/central";

    /** ARM's answer to a diagnostic setting whose writer lacks sharedKeys/action on the destination workspace. */
    static String linkedAuthorizationFailed() {
        return "The client '" + Fault.CLIENT_ID + "' with object id '" + Fault.OBJECT_ID + "' has permission to perform"
                + " action 'Microsoft.Insights/diagnosticSettings/write' on scope '" + CACHE
                + "/providers/Microsoft.Insights/diagnosticSettings/baseline-guard'; however, it does not have permission to"
                + " perform action(s) 'Microsoft.OperationalInsights/workspaces/sharedKeys/action' on the linked scope(s) '"
                + WORKSPACE + "' (respectively) or the linked scope(s) are invalid.";
    }

    private static List<Scenario> scenarios() {
        return List.of(
                new Scenario("429 within the cap", "PATCH 429 Retry-After: 1, twice", false,
                        l -> l.arm.inject(Fault.on("PATCH", PATH).throttled(1).times(2)), r -> r.status() == 429),
                new Scenario("429 beyond the cap", "PATCH 429 Retry-After: 3600, always", false,
                        l -> l.arm.inject(Fault.on("PATCH", PATH).throttled(3600).always()), r -> r.status() == 429),
                new Scenario("5xx", "GET 503, always", true,
                        l -> l.arm.inject(Fault.on("GET", PATH).status(503).always()), r -> r.status() == 503),
                new Scenario("5xx, transient", "PATCH 500, twice", false,
                        l -> l.arm.inject(Fault.on("PATCH", PATH).status(500).times(2)), r -> r.status() == 500),
                new Scenario("dropped connection", "GET connection closed, always", true,
                        l -> l.arm.inject(Fault.on("GET", PATH).drop().always()), r -> r.status() == Request.DROPPED),
                new Scenario("409 busy", "PATCH 409 Conflict, always", false,
                        l -> l.arm.inject(Fault.on("PATCH", PATH).conflict("The resource is busy.").always()),
                        r -> r.status() == 409),
                new Scenario("404 gone", "resource deleted after the event", false,
                        l -> l.arm.remove(CACHE), r -> r.status() == 404),
                new Scenario("403", "PATCH 403 AuthorizationFailed, always", false,
                        l -> l.arm.inject(Fault.on("PATCH", PATH).authorizationFailed("Microsoft.Cache/redis/write").always()),
                        r -> r.status() == 403),
                new Scenario("400", "PATCH 400 InvalidRequestBody, always", false,
                        l -> l.arm.inject(Fault.on("PATCH", PATH).badRequest("InvalidRequestBody", "Refused by the stand-in.")
                                .always()), r -> r.status() == 400),
                new Scenario("412", "PATCH 412 PreconditionFailed, once", false,
                        l -> l.arm.inject(Fault.on("PATCH", PATH).status(412).error("PreconditionFailed", "etag changed")),
                        r -> r.status() == 412),
                new Scenario("long-running operation never ends", "PATCH 202, operation InProgress forever", false,
                        l -> l.arm.patchAsynchronously(CACHE, 1_000_000), r -> r.status() == 202),
                new Scenario("related list refused", "GET firewallRules 403 AuthorizationFailed, always", false,
                        l -> l.arm.inject(Fault.on("GET", PATH + "/firewallRules")
                                .authorizationFailed("Microsoft.Cache/redis/firewallRules/read").always()),
                        r -> r.status() == 403),
                new Scenario("workspace link refused", "PUT diagnostic setting 403 LinkedAuthorizationFailed, always", false,
                        l -> l.arm.inject(Fault.on("PUT", PATH + "/providers/Microsoft.Insights/diagnosticSettings/.*")
                                .status(403).error("LinkedAuthorizationFailed", linkedAuthorizationFailed()).always()),
                        r -> r.status() == 403, Map.of("BG_DIAGNOSTICS_WORKSPACE_ID", WORKSPACE)),
                new Scenario("fix reverted (fight)", "the fix is reverted after every write", false,
                        l -> { }, r -> false));
    }

    /**
     * Runs every fault kind (or the quick ones) against the harness; BG_MAX_ATTEMPTS should be small.
     *
     * @param sink receives every outcome record
     */
    public static List<Row> runEveryFaultKind(LiveHarness live, boolean quick, BiConsumer<String, Outcome> sink) {
        List<Row> rows = new ArrayList<>();
        JsonObject original = FaultsLiveTest.cache();
        for (Scenario scenario : scenarios()) {
            if (quick && scenario.slow()) {
                continue;
            }
            live.arm.clearFaults();
            live.arm.clearRequests();
            live.arm.remove(CACHE); // drops the previous scenario's update behaviour too
            live.arm.put(original);
            live.arm.settleAfterGets(CACHE, 0);
            scenario.settings().forEach(live::with);
            Composition app = live.composition();
            scenario.settings().keySet().forEach(live::without);
            Remediator remediator = app.remediator();
            scenario.inject().accept(live);
            boolean fight = scenario.kind().startsWith("fix reverted");
            Map<String, Integer> results = new TreeMap<>();
            int deliveries = 0;
            int records = 0;
            String last = "";
            int events = fight ? 5 : 1;
            for (int e = 0; e < events; e++) {
                deliveries++;
                List<Outcome> outcomes = new EventIntake(remediator, Optional.empty()).handle(event(CACHE));
                List<Outcome> all = new ArrayList<>(outcomes);
                Optional<WorkItem> next = outcomes.get(0).followUp();
                while (next.isPresent()) {
                    deliveries++; // a queue delivery
                    Outcome outcome = remediator.handle(FaultsLiveTest.due(next.get()));
                    all.add(outcome);
                    next = outcome.followUp();
                }
                for (Outcome outcome : all) {
                    records++;
                    results.merge(outcome.result().label(), 1, Integer::sum);
                    sink.accept(scenario.kind(), outcome);
                    last = outcome.result().label();
                }
                if (fight) {
                    live.arm.put(original);
                }
            }
            long injected = fight ? live.patches().stream().filter(r -> r.status() / 100 == 2).count()
                    : live.arm.requests().stream().filter(scenario.injectedRequest()).count();
            rows.add(new Row(scenario.kind(), scenario.fault(), injected, deliveries, records, results, last));
        }
        live.arm.clearFaults();
        return rows;
    }

    /** A ResourceWriteSuccess delivery (Event Grid schema) for a resource. */
    public static String event(String resourceId) {
        return ContestAndConcurrencyLiveTest.event(resourceId, java.util.UUID.randomUUID().toString());
    }

}
