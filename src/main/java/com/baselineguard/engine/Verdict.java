package com.baselineguard.engine;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How an invocation ends, as the pipeline step that ended it decided: the result and why, what was
 * found and done, and what follows. {@link FollowUps} turns it into the outcome record, with the
 * follow-up work item.
 *
 * @param followUp what work follows
 * @param retryAfter how long the server asked to wait; the follow-up waits at least that long (capped)
 * @param refusedNow rules whose step ARM refused in this invocation: the follow-up does not send them again
 */
record Verdict(Result result, String reason, List<Finding> findings, List<Action> actions, FollowUp followUp,
        Optional<Duration> retryAfter, Set<String> refusedNow) {

    /** What work follows an invocation. */
    enum FollowUp {
        /** None: the chain of work ends here. */
        NONE,
        /** Another attempt after the follow-up delay: the next plan step, a wait, or the verification read. */
        LATER,
        /** The same work item again, unchanged: it was not due yet. */
        SAME_ITEM
    }

    Verdict {
        findings = List.copyOf(findings);
        actions = List.copyOf(actions);
        refusedNow = Set.copyOf(refusedNow);
    }

    /** The chain of work ends with this invocation. */
    static Verdict ends(Result result, String reason, List<Finding> findings, List<Action> actions) {
        return new Verdict(result, reason, findings, actions, FollowUp.NONE, Optional.empty(), Set.of());
    }

    static Verdict ends(Result result, String reason) {
        return ends(result, reason, List.of(), List.of());
    }

    /** Another attempt follows after the follow-up delay (within the attempt bound). */
    static Verdict later(Result result, String reason, List<Finding> findings, List<Action> actions) {
        return new Verdict(result, reason, findings, actions, FollowUp.LATER, Optional.empty(), Set.of());
    }

    static Verdict later(Result result, String reason) {
        return later(result, reason, List.of(), List.of());
    }

    /** The same work item is handed back unchanged, to be done when it is due. */
    static Verdict notYet(String reason) {
        return new Verdict(Result.DEFERRED, reason, List.of(), List.of(), FollowUp.SAME_ITEM, Optional.empty(), Set.of());
    }

    /** This verdict with the server's Retry-After, which the follow-up waits for (capped). */
    Verdict waitingAtLeast(Optional<Duration> serverAsked) {
        return new Verdict(result, reason, findings, actions, followUp, serverAsked, refusedNow);
    }

    /** This verdict with rules whose step was refused now, so that the follow-up leaves them out. */
    Verdict refusing(Collection<String> ruleIds) {
        return new Verdict(result, reason, findings, actions, followUp, retryAfter, Set.copyOf(ruleIds));
    }
}
