package com.baselineguard.testing.keyvault;

import com.baselineguard.testing.LoopbackHttps;
import com.baselineguard.testing.arm.ArmStandIn;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for the Azure Key Vault keys data plane (api-version 7.5), for tests: HTTPS on
 * 127.0.0.1 with the ARM stand-in's test certificate, authenticated the way Key Vault does it. A request
 * without a bearer token gets 401 with
 * {@code WWW-Authenticate: Bearer authorization="https://login.microsoftonline.com/{tenant}", resource="..."};
 * the client then fetches a token for that resource from the ARM stand-in's managed-identity endpoint,
 * and only such tokens are accepted. Key Vault names {@code https://vault.azure.net}; the stand-in names
 * its own URL instead, because MSAL caches managed-identity tokens per resource for the whole JVM and a
 * fixed resource would hand one test's token to the next test's stand-in (the ARM stand-in's audience is
 * its URL for the same reason). So the client must not insist that the resource is Key Vault's:
 * {@code AZURE_KEY_VAULT_DNS_SUFFIX} turns the SDK's challenge resource verification off.
 *
 * <p>Serves {@code GET /keys/{name}[/{version}]}, {@code GET} and {@code PUT /keys/{name}/rotationpolicy};
 * records every request; can answer the next matching requests with a fixed status.
 */
public final class KeyVaultStandIn implements AutoCloseable {

    public static final String API_VERSION = "7.5";

    /** One request as received and the status answered. */
    public record Request(String method, String path, Map<String, String> query, String authorization, String body,
            int status) {
        public JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }
    }

    private final ArmStandIn identity;
    private final LoopbackHttps server;
    private final Map<String, JsonObject> keys = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> policies = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<String[]> faults = new CopyOnWriteArrayList<>();

    private KeyVaultStandIn(ArmStandIn identity) {
        this.identity = identity;
        server = LoopbackHttps.start("key-vault-stand-in", this::serve);
    }

    /** Starts on an ephemeral port; tokens must come from {@code identity}'s managed-identity endpoint. */
    public static KeyVaultStandIn start(ArmStandIn identity) {
        return new KeyVaultStandIn(identity);
    }

    /** The vault URL, {@code https://127.0.0.1:PORT} (no trailing slash). */
    public String vaultUrl() {
        return server.url();
    }

    /** The resource the challenge names and tokens must be issued for. */
    public String audience() {
        return vaultUrl();
    }

    /** Stores a key bundle in the REST shape ({@code {"key":{...},"attributes":{...}}}); its kid is rewritten to this vault. */
    public void putKey(String name, String version, JsonObject bundle) {
        JsonObject stored = bundle.deepCopy();
        stored.getAsJsonObject("key").addProperty("kid", vaultUrl() + "/keys/" + name + "/" + version);
        keys.put(name.toLowerCase(Locale.ROOT), stored);
    }

    /** Stores a rotation policy in the REST shape. */
    public void putRotationPolicy(String name, JsonObject policy) {
        policies.put(name.toLowerCase(Locale.ROOT), policy.deepCopy());
    }

    public Optional<JsonObject> rotationPolicy(String name) {
        return Optional.ofNullable(policies.get(name.toLowerCase(Locale.ROOT))).map(JsonObject::deepCopy);
    }

    /** The next request whose method and path match gets {@code status} with a Key Vault error body instead. */
    public void failNext(String method, String pathRegex, int status) {
        faults.add(new String[] {method, pathRegex, Integer.toString(status), null});
    }

    /**
     * The next request whose method and path match gets 429 with {@code Retry-After} in seconds: Key Vault answers
     * 429 when it throttles a client (learn.microsoft.com/azure/key-vault/general/overview-throttling), and a 429 may
     * say how long to wait (RFC 9110, section 10.2.3).
     */
    public void throttleNext(String method, String pathRegex, int retryAfterSeconds) {
        faults.add(new String[] {method, pathRegex, "429", Integer.toString(retryAfterSeconds)});
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests that carried a bearer token (the SDK's unauthenticated challenge probes left out). */
    public List<Request> authenticated() {
        return requests.stream().filter(r -> r.authorization() != null).toList();
    }

    @Override
    public void close() {
        server.close();
    }

    private void serve(HttpExchange exchange) {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            Answer answer = answer(method, path, query, authorization, body);
            requests.add(new Request(method, path, query, authorization, body, answer.status()));
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException | RuntimeException e) {
            exchange.close();
        }
    }

    private record Answer(int status, Map<String, String> headers, String body) {
    }

    private Answer answer(String method, String path, Map<String, String> query, String authorization, String body) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Answer(401, Map.of("WWW-Authenticate", "Bearer authorization=\"https://login.microsoftonline.com/"
                    + ArmStandIn.TENANT_ID + "\", resource=\"" + audience() + "\""),
                    error("Unauthorized", "AKV10000: Request is missing a Bearer or PoP token."));
        }
        String token = authorization.substring(7).trim();
        if (!identity.issued(token) || !identity.tokenAudience(token).map(a -> a.startsWith(audience())).orElse(false)) {
            return new Answer(401, Map.of(), error("Unauthorized",
                    "AKV10022: Invalid audience. Expected " + audience() + ", found: " + identity.tokenAudience(token).orElse("?")));
        }
        if (!API_VERSION.equals(query.get("api-version"))) {
            return new Answer(400, Map.of(), error("BadParameter", "The specified version (" + query.get("api-version")
                    + ") is not recognized. Consider using the latest supported version (" + API_VERSION + ")."));
        }
        for (String[] fault : faults) {
            if (fault[0].equalsIgnoreCase(method) && path.matches(fault[1])) {
                faults.remove(fault);
                int status = Integer.parseInt(fault[2]);
                return new Answer(status, fault[3] == null ? Map.of() : Map.of("Retry-After", fault[3]),
                        error(status == 403 ? "Forbidden" : status == 404 ? "KeyNotFound" : status == 429 ? "TooManyRequests"
                                : "InternalServerError", "Injected by the Key Vault stand-in."));
            }
        }
        String[] segments = path.replaceAll("^/+|/+$", "").split("/");
        if (segments.length < 2 || !segments[0].equals("keys")) {
            return new Answer(404, Map.of(), error("NotFound", "No such operation: " + method + " " + path));
        }
        String name = segments[1].toLowerCase(Locale.ROOT);
        if (segments.length == 3 && segments[2].equals("rotationpolicy")) {
            if (!keys.containsKey(name)) {
                return new Answer(404, Map.of(), keyNotFound(segments[1]));
            }
            if (method.equals("GET")) {
                JsonObject policy = policies.get(name);
                return policy == null ? new Answer(404, Map.of(), error("RotationPolicyNotFound",
                        "A rotation policy for key " + segments[1] + " was not found."))
                        : new Answer(200, Map.of(), policy.toString());
            }
            if (method.equals("PUT")) {
                JsonObject policy = JsonParser.parseString(body).getAsJsonObject();
                policy.addProperty("id", vaultUrl() + "/keys/" + segments[1] + "/rotationpolicy");
                JsonObject attributes = policy.has("attributes") ? policy.getAsJsonObject("attributes") : new JsonObject();
                long now = Instant.now().getEpochSecond();
                attributes.addProperty("created", now);
                attributes.addProperty("updated", now);
                policy.add("attributes", attributes);
                policies.put(name, policy);
                return new Answer(200, Map.of(), policy.toString());
            }
        } else if (method.equals("GET") && (segments.length == 2 || segments.length == 3)) {
            JsonObject key = keys.get(name);
            return key == null ? new Answer(404, Map.of(), keyNotFound(segments[1])) : new Answer(200, Map.of(), key.toString());
        }
        return new Answer(405, Map.of(), error("MethodNotAllowed", method + " " + path));
    }

    private String keyNotFound(String name) {
        return error("KeyNotFound", "A key with (name/id) " + name + " was not found in this key vault. If you recently"
                + " deleted this key you may be able to recover it using the correct recovery command.");
    }

    private static String error(String code, String message) {
        JsonObject inner = new JsonObject();
        inner.addProperty("code", code);
        inner.addProperty("message", message);
        JsonObject error = new JsonObject();
        error.add("error", inner);
        return error.toString();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(name, value);
        }
        return query;
    }

}
