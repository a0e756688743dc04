package com.baselineguard.testing.arm;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Reads an {@link HttpExchange} into a {@link Request} and writes a {@link Reply} back. */
final class HttpMessages {

    private HttpMessages() {
    }

    static Request read(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        return new Request(exchange.getRequestMethod(), path(exchange.getRequestURI()),
                query(exchange.getRequestURI().getRawQuery()), headers, body, Request.DROPPED, Instant.now(),
                java.time.Duration.ZERO);
    }

    /**
     * The decoded path with repeated slashes collapsed, as ARM treats them. The SDK joins an
     * endpoint ending in "/" with an id starting with "/", and the JDK server reads a request
     * target starting with "//" as an authority, so that is put back first.
     */
    static String path(URI target) {
        String path = target.getPath() == null ? "" : target.getPath();
        if (target.getScheme() == null && target.getAuthority() != null) {
            path = "/" + target.getAuthority() + path;
        }
        String collapsed = path.replaceAll("/{2,}", "/");
        return collapsed.isEmpty() ? "/" : collapsed;
    }

    static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.putIfAbsent(name, value);
        }
        return query;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    static void write(HttpExchange exchange, Reply reply) throws IOException {
        if (reply.dropped()) {
            // Closing before any response header is sent makes the JDK server close the connection.
            exchange.close();
            return;
        }
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        String requestId = UUID.randomUUID().toString();
        exchange.getResponseHeaders().set("x-ms-request-id", requestId);
        exchange.getResponseHeaders().set("x-ms-correlation-request-id", requestId);
        if (bytes.length > 0) {
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        }
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }
}
