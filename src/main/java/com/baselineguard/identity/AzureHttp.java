package com.baselineguard.identity;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.RequestRetryCondition;
import com.baselineguard.engine.port.Replies;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The process's one HTTP client (the JDK's, through azure-core-http-jdk-httpclient) for Azure Resource
 * Manager and the managed-identity endpoint: one connection pool and one TLS set-up per process. Made on
 * first use, when the credential or the ARM pipeline is built, never by offline evaluation. Also the one
 * reading of a server's Retry-After (the ARM pipeline's and the SDK clients' retries) and the SDK clients'
 * retry condition.
 */
public final class AzureHttp {

    private AzureHttp() {
    }

    public static HttpClient client() {
        return Holder.CLIENT;
    }

    /**
     * How long an answer asks to wait before a retry: {@code retry-after-ms} or {@code x-ms-retry-after-ms}
     * (the millisecond variants Azure services send), else {@code Retry-After} in seconds or as an HTTP date
     * (RFC 9110, section 10.2.3; a date in the past is zero). Empty when none is given or none can be read.
     */
    public static Optional<Duration> retryAfter(HttpResponse response, Clock clock) {
        for (String name : new String[] {"retry-after-ms", "x-ms-retry-after-ms"}) {
            String ms = response.getHeaderValue(HttpHeaderName.fromString(name));
            if (ms != null) {
                try {
                    return Optional.of(Duration.ofMillis(Long.parseLong(ms.trim())));
                } catch (NumberFormatException e) {
                    // fall through to Retry-After
                }
            }
        }
        String value = response.getHeaderValue(HttpHeaderName.RETRY_AFTER);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
        } catch (NumberFormatException | ArithmeticException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (RuntimeException notADate) {
                return Optional.empty();
            }
        }
    }

    /**
     * Whether an answer asks to wait longer than {@code limit} before a retry ({@link #retryAfter}).
     * azure-core's RetryPolicy waits whatever such a header asks; the SDK clients built with
     * {@link #retryUnlessWaitExceeds} use this to hand such an answer back instead of holding the caller for as
     * long as the server asked.
     */
    public static boolean asksToWaitLongerThan(HttpResponse response, Duration limit) {
        return retryAfter(response, Clock.systemUTC()).filter(wait -> wait.compareTo(limit) > 0).isPresent();
    }

    /**
     * The retry condition of the SDK clients (Key Vault, Event Grid): a failure to connect (no response) is
     * retried as azure-core does by default; an answer is retried when the engine's reply table retries its
     * status at once ({@link Replies#retryAtOnce}) and it does not ask to wait longer than {@code limit}.
     */
    public static Predicate<RequestRetryCondition> retryUnlessWaitExceeds(Duration limit) {
        return c -> c.getResponse() == null ? c.getThrowable() instanceof Exception
                : Replies.retryAtOnce(c.getResponse().getStatusCode()) && !asksToWaitLongerThan(c.getResponse(), limit);
    }

    private static final class Holder {
        static final HttpClient CLIENT = HttpClient.createDefault();
    }
}
