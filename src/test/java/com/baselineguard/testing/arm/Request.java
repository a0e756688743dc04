package com.baselineguard.testing.arm;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One request the stand-in received, as the client sent it, and the status it answered
 * ({@link #DROPPED} when a fault closed the connection without an answer).
 *
 * @param path the decoded path, repeated slashes collapsed as ARM does
 * @param query decoded query parameters (the first value of each name)
 * @param headers header names are case-insensitive
 * @param timestamp when the stand-in had read the request
 * @param held how long the stand-in held it before answering: the injected latency plus its own work
 */
public record Request(String method, String path, Map<String, String> query, Map<String, List<String>> headers,
        String body, int status, Instant timestamp, Duration held) {

    /** The status recorded for a request whose connection was closed without a response. */
    public static final int DROPPED = 0;

    public Request {
        query = Map.copyOf(query);
        headers = HttpMessages.caseInsensitive(headers);
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The {@code api-version} query parameter, or null. */
    public String apiVersion() {
        return query.get("api-version");
    }

    /** The body parsed as JSON. */
    public JsonElement json() {
        return JsonParser.parseString(body);
    }

    Request answered(int answeredStatus) {
        return new Request(method, path, query, headers, body, answeredStatus, timestamp,
                Duration.between(timestamp, Instant.now()));
    }
}
