package com.baselineguard.testing.arm;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A scripted failure: requests whose method and path match answer with a given status, headers
 * and body, or have their connection closed ({@link #drop()}), instead of reaching the stand-in's
 * ARM logic. Rules are tried in the order they were injected; a rule applies {@link #times(int)}
 * times (once unless told otherwise), then steps aside.
 *
 * <pre>{@code
 * standIn.inject(Fault.on("PATCH", ".*\/Redis/.*").throttled(1).times(2));
 * standIn.inject(Fault.on("GET", ".*").status(503));
 * standIn.inject(Fault.on("PATCH", ".*").authorizationFailed("Microsoft.Cache/redis/write"));
 * }</pre>
 */
public final class Fault {

    /** The client id that {@link #authorizationFailed(String)} names. */
    public static final String CLIENT_ID = "3f2f1a4e-0000-4000-8000-00000000c1d0";
    /** The object id that {@link #authorizationFailed(String)} names. */
    public static final String OBJECT_ID = "9a7c5b31-0000-4000-8000-0000000000b7";

    private final String method;
    private final Pattern path;
    private int status = 500;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Function<String, String> body;
    private boolean drop;
    private final AtomicInteger remaining = new AtomicInteger(1);

    private Fault(String method, String pathRegex) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.path = Pattern.compile(pathRegex, Pattern.CASE_INSENSITIVE);
    }

    /**
     * Matches requests with this method ({@code "*"} for any) whose whole path (no query) matches
     * the regular expression, ignoring case as ARM does.
     */
    public static Fault on(String method, String pathRegex) {
        return new Fault(method, pathRegex);
    }

    /**
     * Answers with this status (500 unless set). Unless a body is given, the body is an ARM error
     * envelope whose code names the status ({@code TooManyRequests}, {@code ServiceUnavailable}, ...).
     */
    public Fault status(int status) {
        this.status = status;
        return this;
    }

    public Fault header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Answers with this exact body. */
    public Fault body(String body) {
        this.body = scope -> body;
        return this;
    }

    /** Answers with the ARM error envelope {@code {"error":{"code","message"}}}. */
    public Fault error(String code, String message) {
        this.body = scope -> ArmJson.error(code, message).toString();
        return this;
    }

    /** Closes the connection without answering. */
    public Fault drop() {
        this.drop = true;
        return this;
    }

    /** Applies to the next {@code count} matching requests (1 unless set). */
    public Fault times(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + count);
        }
        remaining.set(count);
        return this;
    }

    /** Applies to every matching request until {@link ArmStandIn#clearFaults()}. */
    public Fault always() {
        remaining.set(Integer.MAX_VALUE);
        return this;
    }

    /** 429 with {@code Retry-After} and {@code TooManyRequests}. */
    public Fault throttled(int retryAfterSeconds) {
        return status(429).header("Retry-After", Integer.toString(retryAfterSeconds))
                .error("TooManyRequests", "The request is being throttled. Retry after " + retryAfterSeconds
                        + " seconds.");
    }

    /** 409 {@code Conflict}, as ARM answers while another operation holds the resource. */
    public Fault conflict(String message) {
        return status(409).error("Conflict", message);
    }

    /**
     * 403 {@code AuthorizationFailed} with ARM's wording, the request's path as the scope, and
     * {@link #CLIENT_ID}/{@link #OBJECT_ID} as the caller.
     */
    public Fault authorizationFailed(String action) {
        status(403);
        this.body = scope -> ArmJson.error("AuthorizationFailed",
                ArmErrors.authorizationFailedMessage(CLIENT_ID, OBJECT_ID, action, scope)).toString();
        return this;
    }

    /** 400 with the given error code and message. */
    public Fault badRequest(String code, String message) {
        return status(400).error(code, message);
    }

    /** Takes one use of this rule if it matches the request; null when it does not apply. */
    Reply claim(Request request) {
        boolean matches = (method.equals("*") || method.equalsIgnoreCase(request.method()))
                && path.matcher(request.path()).matches();
        if (!matches || remaining.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) == 0) {
            return null;
        }
        if (drop) {
            return Reply.drop();
        }
        String answer = body != null ? body.apply(request.path())
                : ArmJson.error(defaultCode(status), "Fault injected by the ARM stand-in.").toString();
        return new Reply(status, headers, answer, false);
    }

    private static String defaultCode(int status) {
        return switch (status) {
            case 400 -> "BadRequest";
            case 403 -> "AuthorizationFailed";
            case 404 -> "ResourceNotFound";
            case 409 -> "Conflict";
            case 429 -> "TooManyRequests";
            case 502 -> "BadGateway";
            case 503 -> "ServiceUnavailable";
            case 504 -> "GatewayTimeout";
            default -> "InternalServerError";
        };
    }

    @Override
    public String toString() {
        return "Fault[" + method + " " + path.pattern() + (drop ? " drop" : " -> " + status) + ", remaining "
                + remaining.get() + "]";
    }
}
