package com.baselineguard.arm;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.baselineguard.engine.port.Replies;
import com.baselineguard.identity.AzureHttp;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import reactor.core.publisher.Mono;

/**
 * Baseline Guard's retries of ARM requests, in place of the fluent pipeline's
 * {@code RetryPolicy("Retry-After", SECONDS)}, which sleeps for whatever the server asks with no cap.
 *
 * <ul>
 *   <li>Retries what {@link Replies#retryAtOnce} names (408, 429, 500, 502, 503, 504) and transport
 *       failures (connection refused or dropped, timeouts) at most {@link #MAX_RETRIES} times.</li>
 *   <li>Waits the server's {@code Retry-After} when given, else exponential backoff from
 *       {@link #BASE_DELAY}; never more than {@link #MAX_WAIT} per wait. A {@code Retry-After} longer
 *       than {@code MAX_WAIT} is not retried early (ARM would refuse the retry and answer a new
 *       Retry-After): the response goes back to the engine, which defers the work for that long.</li>
 *   <li>Never waits past the request's deadline ({@link #DEADLINE} in the call context, set by
 *       {@link SdkArmGateway} from the invocation's deadline, or from the caller's end of waiting when that
 *       comes first, the command line's {@code --max-wait}): then it answers what it has.</li>
 * </ul>
 * Per call, before authentication, so every attempt is signed afresh.
 */
final class ArmRetryPolicy implements HttpPipelinePolicy {

    /** Context key: the {@link Instant} after which no retry wait may end. */
    static final String DEADLINE = "baselineguard.deadline";
    static final int MAX_RETRIES = 3;
    static final Duration BASE_DELAY = Duration.ofMillis(800);
    static final Duration MAX_WAIT = Duration.ofSeconds(10);

    private final Clock clock;

    ArmRetryPolicy(Clock clock) {
        this.clock = clock;
    }

    @Override
    public HttpPipelinePosition getPipelinePosition() {
        return HttpPipelinePosition.PER_CALL;
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        Optional<Instant> deadline = context.getData(DEADLINE).filter(Instant.class::isInstance).map(Instant.class::cast);
        return attempt(next, 0, deadline);
    }

    /** The outcome of one attempt: a response or a transport failure. */
    private record Attempt(HttpResponse response, Throwable failure) {
    }

    private Mono<HttpResponse> attempt(HttpPipelineNextPolicy next, int retries, Optional<Instant> deadline) {
        return next.clone().process().map(r -> new Attempt(r, null))
                .onErrorResume(e -> Mono.just(new Attempt(null, e)))
                .flatMap(attempt -> {
                    Optional<Duration> wait = attempt.failure() != null
                            ? (transport(attempt.failure()) ? waitFor(retries, Optional.empty(), deadline) : Optional.empty())
                            : Replies.retryAtOnce(attempt.response().getStatusCode())
                                    ? waitFor(retries, AzureHttp.retryAfter(attempt.response(), clock), deadline)
                                    : Optional.empty();
                    if (wait.isEmpty()) {
                        return attempt.failure() != null ? Mono.error(attempt.failure()) : Mono.just(attempt.response());
                    }
                    if (attempt.response() != null) {
                        attempt.response().close();
                    }
                    return Mono.delay(wait.get()).then(Mono.defer(() -> attempt(next, retries + 1, deadline)));
                });
    }

    /** How long to wait before the next retry, or empty when there is none. */
    Optional<Duration> waitFor(int retries, Optional<Duration> serverAsked, Optional<Instant> deadline) {
        if (retries >= MAX_RETRIES) {
            return Optional.empty();
        }
        Duration wait;
        if (serverAsked.isPresent()) {
            if (serverAsked.get().compareTo(MAX_WAIT) > 0) {
                return Optional.empty();
            }
            wait = serverAsked.get().isNegative() ? Duration.ZERO : serverAsked.get();
        } else {
            wait = BASE_DELAY.multipliedBy(1L << retries);
            if (wait.compareTo(MAX_WAIT) > 0) {
                wait = MAX_WAIT;
            }
        }
        if (deadline.isPresent() && clock.instant().plus(wait).isAfter(deadline.get())) {
            return Optional.empty();
        }
        return Optional.of(wait);
    }

    private static boolean transport(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
