package com.baselineguard.testing.arm;

import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * A local stand-in for Azure Resource Manager, for tests: HTTPS on 127.0.0.1 with the test-only
 * certificate in {@code src/test/resources/tls}, plus a plain-HTTP managed-identity endpoint
 * (App Service protocol) whose tokens are the only ones the ARM side accepts. So production code
 * runs unchanged: the real credential fetches a token, the real pipeline sends it.
 *
 * <p>It serves GET and PATCH of stored resources (PATCH merges and reports {@code Updating} until
 * polled, optionally as a 202 long-running operation), diagnostic settings, Redis firewall rules
 * and Resource Graph queries; records every ARM request; and can inject faults and latency.
 *
 * <pre>{@code
 * try (ArmStandIn arm = ArmStandIn.start()) {
 *     arm.putFixture("Microsoft.Cache/redis/2024-11-01_RedisCacheGet.json");
 *     arm.inject(Fault.on("PATCH", ".*\/Redis/.*").throttled(1).times(2));
 *     ... point the code under test at arm.endpoint(), arm.identityEndpoint(), arm.identityHeader()
 * }
 * }</pre>
 */
public final class ArmStandIn implements AutoCloseable {

    static {
        // The JDK server writes a response's headers and body separately; without TCP_NODELAY, Nagle's
        // algorithm and the client's delayed ACK hold each answer ~40 ms, which ARM does not. Read once,
        // when the JDK's server configuration loads, so it is set before the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** The tenant id Resource Graph rows carry. */
    public static final String TENANT_ID = "72f988bf-0000-4000-8000-00000000a11e";

    private final HttpsServer arm;
    private final HttpServer identityServer;
    private final ExecutorService threads;
    private final IdentityEndpoint identity = new IdentityEndpoint();
    private final ArmState state = new ArmState();
    private final ArmRouter router;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private volatile Duration delay = Duration.ZERO;
    private volatile WriteLimit writeLimit;

    private ArmStandIn() throws IOException {
        threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "arm-stand-in");
            thread.setDaemon(true);
            return thread;
        });
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        arm = HttpsServer.create(new InetSocketAddress(loopback, 0), 0);
        arm.setHttpsConfigurator(new HttpsConfigurator(Tls.serverContext()));
        arm.setExecutor(threads);
        identityServer = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        identityServer.setExecutor(threads);
        router = new ArmRouter(state, new ResourceGraph(TENANT_ID), identity::issued, endpoint());
        arm.createContext("/", exchange -> serve(exchange, router::route, requests::add));
        identityServer.createContext("/", exchange -> serve(exchange, identity::respond, identity::record));
    }

    /** Starts both servers on ephemeral loopback ports. */
    public static ArmStandIn start() {
        try {
            ArmStandIn standIn = new ArmStandIn();
            standIn.arm.start();
            standIn.identityServer.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the ARM stand-in", e);
        }
    }

    /** The ARM endpoint, {@code https://127.0.0.1:PORT} (no trailing slash). */
    public String endpoint() {
        return "https://127.0.0.1:" + arm.getAddress().getPort();
    }

    /** The managed-identity endpoint, as App Service puts it in {@code IDENTITY_ENDPOINT}. */
    public String identityEndpoint() {
        return "http://127.0.0.1:" + identityServer.getAddress().getPort() + IdentityEndpoint.PATH;
    }

    /** The secret the identity endpoint expects in {@code X-IDENTITY-HEADER} ({@code IDENTITY_HEADER}). */
    public String identityHeader() {
        return identity.secret();
    }

    /** The resource (audience) the identity endpoint issued this token for, when it issued it. */
    public Optional<String> tokenAudience(String accessToken) {
        return Optional.ofNullable(identity.audienceOf(accessToken));
    }

    /** The server TLS context of the stand-in's certificate, for other local stand-ins (Key Vault, Event Grid). */
    public static SSLContext serverSslContext() {
        return Tls.serverContext();
    }

    /** A TLS context trusting exactly the stand-in's certificate, for a test's own HTTP client. */
    public static SSLContext clientSslContext() {
        return Tls.clientContext();
    }

    // ---- requests seen

    /** Every ARM request so far, oldest first (identity requests are in {@link #tokenRequests()}). */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public void clearRequests() {
        requests.clear();
    }

    /** How many ARM requests used this method. */
    public long count(String method) {
        return requests.stream().filter(r -> r.method().equalsIgnoreCase(method)).count();
    }

    /** Every request to the identity endpoint so far, oldest first. */
    public List<TokenRequest> tokenRequests() {
        return identity.requests();
    }

    /** How many tokens were asked for (granted or not). */
    public int tokenRequestCount() {
        return identity.requests().size();
    }

    /** Every access token the identity endpoint issued so far (for tests that check no output leaks one). */
    public java.util.Set<String> issuedTokens() {
        return identity.issuedTokens();
    }

    /** Whether the identity endpoint issued this access token. */
    public boolean issued(String accessToken) {
        return identity.issued(accessToken);
    }

    // ---- state

    /** Stores a resource under its {@code id} (ARM ids compare without case), replacing any earlier one. */
    public void put(JsonObject resource) {
        state.put(resource);
    }

    /** Stores the resource, or each resource of a {@code {"value":[...]}} list, from {@code src/test/resources/fixtures}. */
    public void putFixture(String relative) {
        JsonElement json = Fixtures.json(relative);
        JsonElement value = json.isJsonObject() ? json.getAsJsonObject().get("value") : null;
        if (value != null && value.isJsonArray()) {
            value.getAsJsonArray().forEach(item -> put(item.getAsJsonObject()));
        } else {
            put(json.getAsJsonObject());
        }
    }

    /** The stored resource as it is now (a copy). */
    public Optional<JsonObject> resource(String id) {
        return state.resource(id);
    }

    public void remove(String id) {
        state.remove(id);
    }

    /** Replaces the diagnostic settings of a resource (whole setting objects, each with a {@code name}). */
    public void putDiagnosticSettings(String resourceId, List<JsonObject> settings) {
        state.putDiagnosticSettings(resourceId, settings);
    }

    /** The diagnostic settings stored for a resource; empty when the resource does not exist. */
    public List<JsonObject> diagnosticSettings(String resourceId) {
        return state.diagnosticSettings(resourceId).orElse(List.of());
    }

    /** Sets the firewall rules {@code GET {cacheId}/firewallRules} lists. */
    public void putFirewallRules(String cacheId, List<JsonObject> rules) {
        state.putChildren(cacheId, "firewallRules", rules);
    }

    /**
     * Stores the items ARM lists under a resource ({@code firewallRules}, {@code privateEndpointConnections},
     * {@code certificates}). Without it a list is empty, and private endpoint connections are those in the body.
     */
    public void putChildren(String parentId, String collection, List<JsonObject> items) {
        state.putChildren(parentId, collection, items);
    }

    /** Child lists answer at most {@code size} items per page, with a nextLink to the rest. */
    public void pageListsBy(int size) {
        state.pageListsBy(size);
    }

    /**
     * How long a synchronous PATCH of this resource stays {@code Updating}: the PATCH answer and
     * the next {@code gets} GETs show it, the GET after them shows {@code Succeeded}. 1 unless set;
     * 0 means the PATCH answer already shows {@code Succeeded}.
     */
    public void settleAfterGets(String id, int gets) {
        state.getsWhileUpdating(id, gets);
    }

    /**
     * Makes PATCHes of this resource long-running: 202 with {@code Azure-AsyncOperation} and
     * {@code Location}; the operation reports {@code InProgress} for {@code pollsUntilDone} polls,
     * then {@code Succeeded}, and the resource shows {@code Updating} until then.
     */
    public void patchAsynchronously(String id, int pollsUntilDone) {
        state.asyncPatch(id, pollsUntilDone);
    }

    // ---- faults

    /** Adds a fault rule after the existing ones; rules apply to ARM and identity requests alike. */
    public void inject(Fault fault) {
        faults.add(fault);
    }

    public void clearFaults() {
        faults.clear();
    }

    /**
     * Throttles writes (PATCH, PUT) as ARM does: per subscription, a bucket of {@code perSecond}
     * tokens refilled at {@code perSecond} per second; a write that finds it empty gets 429
     * {@code TooManyRequests} with {@code Retry-After: 1}. 0 removes the limit.
     */
    public void limitWrites(int perSecond) {
        writeLimit = perSecond <= 0 ? null : new WriteLimit(perSecond);
    }

    /** How many ARM requests were answered with this status. */
    public long countStatus(int status) {
        return requests.stream().filter(r -> r.status() == status).count();
    }

    /** Latency added before every request is answered (ARM and identity). */
    public void delay(Duration delay) {
        this.delay = delay;
    }

    @Override
    public void close() {
        // Each stop waits up to a second for its dispatcher thread, so stop both at once.
        Thread identityStop = new Thread(() -> identityServer.stop(0), "arm-stand-in-stop");
        identityStop.start();
        arm.stop(0);
        try {
            identityStop.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads.shutdownNow();
    }

    // ---- plumbing

    private void serve(HttpExchange exchange, Function<Request, Reply> logic, Consumer<Request> record) {
        try {
            Request request = HttpMessages.read(exchange);
            pause();
            Reply reply = firstFault(request).or(() -> throttled(request)).orElseGet(() -> answer(logic, request));
            // Recorded before the answer leaves, so a client that has its answer also sees the record.
            record.accept(request.answered(reply.status()));
            HttpMessages.write(exchange, reply);
        } catch (IOException | RuntimeException e) {
            exchange.close();
        }
    }

    /** A bug in the stand-in answers 500 with its cause rather than a silently dropped connection. */
    private static Reply answer(Function<Request, Reply> logic, Request request) {
        try {
            return logic.apply(request);
        } catch (RuntimeException e) {
            return Reply.json(500, ArmJson.error("InternalServerError", "The ARM stand-in failed: " + e));
        }
    }

    private Optional<Reply> throttled(Request request) {
        WriteLimit limit = writeLimit;
        String method = request.method().toUpperCase(java.util.Locale.ROOT);
        if (limit == null || !(method.equals("PATCH") || method.equals("PUT"))
                || !request.path().toLowerCase(java.util.Locale.ROOT).startsWith("/subscriptions/")) {
            return Optional.empty();
        }
        String subscription = request.path().split("/")[2];
        return limit.take(subscription) ? Optional.empty()
                : Optional.of(new Reply(429, java.util.Map.of("Retry-After", "1"), ArmJson.error("TooManyRequests",
                        "Number of write requests for subscription '" + subscription + "' exceeded the limit.")
                        .toString(), false));
    }

    /** ARM's write throttling: a token bucket per subscription. */
    private static final class WriteLimit {
        private final int perSecond;
        private final java.util.Map<String, double[]> buckets = new java.util.HashMap<>();

        WriteLimit(int perSecond) {
            this.perSecond = perSecond;
        }

        synchronized boolean take(String subscription) {
            long now = System.nanoTime();
            double[] bucket = buckets.computeIfAbsent(subscription.toLowerCase(java.util.Locale.ROOT),
                    k -> new double[] {perSecond, now});
            bucket[0] = Math.min(perSecond, bucket[0] + (now - bucket[1]) / 1e9 * perSecond);
            bucket[1] = now;
            if (bucket[0] < 1) {
                return false;
            }
            bucket[0] -= 1;
            return true;
        }
    }

    private Optional<Reply> firstFault(Request request) {
        for (Fault fault : new ArrayList<>(faults)) {
            Reply reply = fault.claim(request);
            if (reply != null) {
                return Optional.of(reply);
            }
        }
        return Optional.empty();
    }

    private void pause() {
        Duration current = delay;
        if (!current.isZero()) {
            try {
                Thread.sleep(current.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
