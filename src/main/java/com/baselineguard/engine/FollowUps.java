package com.baselineguard.engine;

import com.baselineguard.model.ResourceSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What follows an invocation, and the outcome record it ends with. An invocation never waits for a
 * long-running operation: a resource whose state is still moving is waited for by a follow-up, a sent
 * step is followed after {@code BG_FOLLOW_UP_DELAY_SECONDS} by the next step or by the verification
 * read (the next invocation re-reads and re-evaluates the resource), and a server's {@code Retry-After}
 * postpones the follow-up (at most {@link #MAX_RETRY_AFTER_DEFERRAL}). After {@code BG_MAX_ATTEMPTS}
 * invocations the chain ends, failed if it was still waiting.
 */
final class FollowUps {

    /** The longest a server's Retry-After postpones the follow-up; beyond it the attempt bound decides. */
    static final Duration MAX_RETRY_AFTER_DEFERRAL = Duration.ofMinutes(15);

    /** Provisioning states in which the resource is not being changed (Redis, Batch accounts, pools). */
    private static final Set<String> SETTLED = Set.of("succeeded", "failed", "canceled", "cancelled", "disabled", "invalid");
    /**
     * Redis Enterprise clusters and databases also report {@code properties.resourceState}, which can
     * still be moving (e.g. {@code Scaling}, {@code Enabling}) after provisioningState says Succeeded.
     * These values are transitional: the work waits, as for an unsettled provisioningState. Any other
     * value than {@code Running} ({@code Disabled}, {@code *Failed}) is settled but not healthy: the
     * resource is evaluated and never written to ({@link Admission}).
     */
    private static final Set<String> TRANSITIONAL_RESOURCE_STATES =
            Set.of("creating", "updating", "deleting", "enabling", "disabling", "scaling", "moving");

    private final Clock clock;
    private final Duration followUpDelay;
    private final int maxAttempts;

    FollowUps(Clock clock, RemediationSettings settings) {
        this.clock = clock;
        this.followUpDelay = settings.followUpDelay();
        this.maxAttempts = settings.maxAttempts();
    }

    /** Waits for a resource whose provisioning (or Redis Enterprise resource) state is still moving. */
    Optional<Verdict> untilSettled(ResourceSnapshot snapshot) {
        Optional<String> state = snapshot.string("properties.provisioningState");
        if (state.isPresent() && !SETTLED.contains(state.get().toLowerCase(Locale.ROOT))) {
            return Optional.of(Verdict.later(Result.DEFERRED, "provisioningState is " + state.get()
                    + "; waiting for it to settle"));
        }
        Optional<String> resourceState = snapshot.string("properties.resourceState");
        if (resourceState.isPresent()
                && TRANSITIONAL_RESOURCE_STATES.contains(resourceState.get().toLowerCase(Locale.ROOT))) {
            return Optional.of(Verdict.later(Result.DEFERRED, "resourceState is " + resourceState.get()
                    + "; waiting for it to settle"));
        }
        return Optional.empty();
    }

    /** The invocation's outcome record, with the follow-up work when the verdict asks for one and attempts remain. */
    Outcome outcome(Invocation invocation, Verdict verdict) {
        WorkItem item = invocation.item();
        Instant now = clock.instant();
        Optional<WorkItem> next = Optional.empty();
        Result result = verdict.result();
        String reason = verdict.reason();
        if (verdict.followUp() == Verdict.FollowUp.SAME_ITEM) {
            next = Optional.of(item);
        } else if (verdict.followUp() == Verdict.FollowUp.LATER) {
            if (item.attempt() + 1 >= maxAttempts) {
                result = result == Result.DEFERRED ? Result.FAILED : result;
                reason = reason + "; gave up after " + maxAttempts + " attempts";
            } else {
                WorkItem continued = verdict.refusedNow().isEmpty() ? item : item.refusing(verdict.refusedNow());
                next = Optional.of(continued.next(now, delay(verdict.retryAfter())));
            }
        }
        if (!invocation.relatedNotRead().isEmpty()) {
            reason = reason + "; related data not loaded (its rules are not evaluated): "
                    + String.join("; ", invocation.relatedNotRead());
        }
        return new Outcome(UUID.randomUUID().toString(), item, invocation.resourceType(), result, reason,
                verdict.findings(), verdict.actions(), Duration.between(invocation.started(), now),
                invocation.armCalls(), next, invocation.exemption());
    }

    /** The follow-up delay, or the server's Retry-After when longer (capped). */
    private Duration delay(Optional<Duration> retryAfter) {
        return retryAfter.filter(r -> r.compareTo(followUpDelay) > 0)
                .map(r -> r.compareTo(MAX_RETRY_AFTER_DEFERRAL) > 0 ? MAX_RETRY_AFTER_DEFERRAL : r)
                .orElse(followUpDelay);
    }

    /** An outcome decided without reading the resource (a skipped event, a refused request, a poison message). */
    static Outcome recorded(WorkItem item, Result result, String reason) {
        return new Outcome(UUID.randomUUID().toString(), item, Admission.typeOf(item.resourceId()), result, reason,
                List.of(), List.of(), Duration.ZERO, 0, Optional.empty(), Optional.empty());
    }
}
