package com.baselineguard.testing.eventgrid;

import com.baselineguard.testing.LoopbackHttps;
import com.baselineguard.testing.arm.ArmStandIn;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for an Event Grid custom topic's publish endpoint, for tests: HTTPS
 * {@code POST /api/events?api-version=2018-01-01} with the CloudEvents batch content type and a bearer
 * token from the ARM stand-in's managed-identity endpoint for {@code https://eventgrid.azure.net}
 * (Microsoft Entra authentication; {@code aeg-sas-key}/{@code aeg-sas-token} are refused, as a topic with
 * local authentication disabled does). Records every request; can fail or drop the next ones.
 */
public final class TopicStandIn implements AutoCloseable {

    public static final String AUDIENCE = "https://eventgrid.azure.net";

    /** One publish request and the status answered (0: the connection was dropped). */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, String body,
            int status) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        public JsonArray events() {
            return JsonParser.parseString(body).getAsJsonArray();
        }
    }

    private final ArmStandIn identity;
    private final LoopbackHttps server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Answers for the next publishes: a status (0: close the connection) and a Retry-After in seconds (-1: none). */
    private final List<int[]> faults = new CopyOnWriteArrayList<>();

    private TopicStandIn(ArmStandIn identity) {
        this.identity = identity;
        server = LoopbackHttps.start("topic-stand-in", this::serve);
    }

    public static TopicStandIn start(ArmStandIn identity) {
        return new TopicStandIn(identity);
    }

    /** The topic endpoint, as the Azure portal shows it. */
    public String endpoint() {
        return server.url() + "/api/events";
    }

    /** The next {@code count} publishes answer {@code status} (0: close the connection without an answer). */
    public void failNext(int status, int count) {
        for (int i = 0; i < count; i++) {
            faults.add(new int[] {status, -1});
        }
    }

    /**
     * The next publish answers 429 with {@code Retry-After} in seconds, a throttled answer as any HTTP service may
     * give it (RFC 6585, section 4; RFC 9110, section 10.2.3).
     */
    public void throttleNext(int retryAfterSeconds) {
        faults.add(new int[] {429, retryAfterSeconds});
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Every event accepted so far, oldest first. */
    public List<JsonObject> accepted() {
        List<JsonObject> events = new ArrayList<>();
        requests.stream().filter(r -> r.status() == 200)
                .forEach(r -> r.events().forEach(e -> events.add(e.getAsJsonObject())));
        return events;
    }

    public void clear() {
        requests.clear();
        faults.clear();
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
            Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
            String query = exchange.getRequestURI().getRawQuery();
            if (!faults.isEmpty()) {
                int[] fault = faults.remove(0);
                int status = fault[0];
                requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), query, headers,
                        body, status));
                if (status == 0) {
                    return;
                }
                if (fault[1] >= 0) {
                    exchange.getResponseHeaders().add("Retry-After", Integer.toString(fault[1]));
                }
                write(exchange, status, error(status == 429 ? "TooManyRequests" : "InternalServerError",
                        "Injected by the topic stand-in."));
                return;
            }
            int status;
            String answer;
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (exchange.getRequestHeaders().containsKey("aeg-sas-key")
                    || exchange.getRequestHeaders().containsKey("aeg-sas-token")) {
                status = 401;
                answer = error("Unauthorized", "Local authentication is disabled for this topic.");
            } else if (authorization == null || !authorization.startsWith("Bearer ")
                    || !identity.tokenAudience(authorization.substring(7)).map(a -> a.startsWith(AUDIENCE)).orElse(false)) {
                status = 401;
                answer = error("Unauthorized", "The request authorization is not valid for this topic.");
            } else if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals("/api/events")
                    || query == null || !query.contains("api-version=")) {
                status = 404;
                answer = error("NotFound", "No such endpoint.");
            } else if (contentType == null || !contentType.startsWith("application/cloudevents-batch+json")) {
                status = 400;
                answer = error("BadRequest", "This topic accepts the CloudEvents 1.0 schema only.");
            } else {
                status = 200;
                answer = "";
            }
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), query, headers, body,
                    status));
            write(exchange, status, answer);
        } catch (IOException | RuntimeException e) {
            exchange.close();
        }
    }

    private static void write(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String error(String code, String message) {
        JsonObject inner = new JsonObject();
        inner.addProperty("code", code);
        inner.addProperty("message", message);
        JsonObject error = new JsonObject();
        error.add("error", inner);
        return error.toString();
    }
}
