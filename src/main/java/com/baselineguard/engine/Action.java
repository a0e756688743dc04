package com.baselineguard.engine;

import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One property change of an invocation, for the audit trail.
 *
 * @param step the plan step it belongs to
 * @param method PATCH or PUT
 * @param target the resource id the request goes to
 * @param ruleId the rule that asked for it
 * @param property dotted property path, or the extension resource's relative id
 * @param before the value before (null: not set)
 * @param after the value after
 * @param status what happened to it
 * @param detail why, when not applied (ARM's error code and message, the deferral reason)
 * @param operation for a request ARM {@link Status#ACCEPTED accepted} as a long-running operation, the URL it
 *     named to follow it by ({@code Azure-AsyncOperation}, else {@code Location}); ARM's "Track asynchronous
 *     Azure operations" (learn.microsoft.com/azure/azure-resource-manager/management/async-operations)
 */
public record Action(int step, String method, String target, String ruleId, String property, JsonElement before,
        JsonElement after, Status status, String detail, Optional<String> operation) {

    public enum Status {
        /** ARM accepted the request and answered with the result. */
        APPLIED,
        /** ARM accepted the request and is carrying it out (long-running operation). */
        ACCEPTED,
        /** A later step of the plan, sent in a later invocation. */
        PENDING,
        /** Dry run or audit: planned, not sent. */
        PLANNED,
        /** Sent and refused. */
        FAILED,
        /** Not sent (busy resource, ARM unavailable, contested). */
        SKIPPED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static Action of(PlanStep step, PlannedChange change, Status status, String detail, Optional<String> operation) {
        return new Action(step.number(), step.method(), step.target(), change.ruleId(), change.property(),
                change.before(), change.after(), status, detail, operation);
    }

    /** One action per change of these steps, all with the same status and detail. */
    static List<Action> of(List<PlanStep> steps, Status status, String detail) {
        return of(steps, status, detail, Optional.empty());
    }

    /** One action per change of these steps, all with the same status, detail and long-running operation. */
    static List<Action> of(List<PlanStep> steps, Status status, String detail, Optional<String> operation) {
        List<Action> actions = new ArrayList<>();
        for (PlanStep step : steps) {
            step.changes().forEach(c -> actions.add(of(step, c, status, detail, operation)));
        }
        return actions;
    }
}
