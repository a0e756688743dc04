package com.baselineguard.cli;

import com.baselineguard.engine.Action;
import com.baselineguard.engine.Exemption;
import com.baselineguard.engine.Finding;
import com.baselineguard.engine.FixOutlook;
import com.baselineguard.engine.Outcome;
import com.baselineguard.engine.Result;
import com.baselineguard.rules.Change;
import com.baselineguard.rules.Fix;
import com.baselineguard.rules.Status;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a resource's chain of invocations changed, as the live commands report it at the end: every change
 * sent (or, in a dry run, that would be sent), each verified by the read that followed it or said plainly
 * not to be, and every change declined, with the reason. Worked out from the chain's outcome records alone,
 * so it says nothing the records do not.
 *
 * <p>A change is {@link ChangeMade.State#FIXED fixed} when a later invocation of the chain read the resource
 * (settled: the pipeline evaluates only a resource whose state has stopped moving) and found the rule no
 * longer failing; {@link ChangeMade.State#STILL_FAILING still failing} when it found it failing;
 * {@link ChangeMade.State#NOT_VERIFIED not verified} when no such read came, and then the detail says why (the
 * resource was still updating, the long-running operation with its URL, {@code --max-wait} or
 * {@code --no-wait}).
 *
 * @param resourceId the resource the chain worked on
 * @param chain the chain as it ran
 * @param changes the changes made or, in a dry run, planned
 * @param declined the changes not made, with the reason
 */
record ChainReport(String resourceId, WorkRunner.Chain chain, List<ChangeMade> changes, List<Declined> declined) {

    /** An action's change, as the report keys it: the same property of the same target for the same rule. */
    private record Key(String target, String ruleId, String property) {
        static Key of(Action a) {
            return new Key(a.target().toLowerCase(Locale.ROOT), a.ruleId(), a.property());
        }
    }

    /** An action and the index of the outcome it is in. */
    private record Seen(Action action, int index) {
    }

    static ChainReport of(WorkRunner.Chain chain) {
        List<Outcome> outcomes = chain.outcomes();
        String resourceId = chain.last().item().resourceId();
        Map<Key, Seen> sent = new LinkedHashMap<>();
        Map<Key, Seen> planned = new LinkedHashMap<>();
        Map<Key, Seen> notSent = new LinkedHashMap<>();
        for (int i = 0; i < outcomes.size(); i++) {
            for (Action action : outcomes.get(i).actions()) {
                Key key = Key.of(action);
                switch (action.status()) {
                    case APPLIED, ACCEPTED -> sent.put(key, new Seen(action, i));
                    case PLANNED -> planned.put(key, new Seen(action, i));
                    default -> notSent.put(key, new Seen(action, i));
                }
            }
        }
        List<ChangeMade> changes = new ArrayList<>();
        sent.values().forEach(s -> changes.add(verified(resourceId, s, chain)));
        planned.values().forEach(p -> changes.add(change(resourceId, p.action(), ChangeMade.State.WOULD_CHANGE,
                "dry run: step " + p.action().step() + " " + p.action().method() + " not sent", Optional.empty())));

        List<Declined> declined = new ArrayList<>();
        Set<String> accounted = new HashSet<>();
        sent.keySet().forEach(k -> accounted.add(k.ruleId()));
        planned.keySet().forEach(k -> accounted.add(k.ruleId()));
        for (Map.Entry<Key, Seen> entry : notSent.entrySet()) {
            if (sent.containsKey(entry.getKey())) {
                continue;
            }
            Action action = entry.getValue().action();
            Outcome in = outcomes.get(entry.getValue().index());
            declined.add(new Declined(resourceId, Optional.of(action.ruleId()), Optional.of(action.property()),
                    action.before(), action.after(), reason(action, in), notSentDetail(action, in, chain)));
            accounted.add(action.ruleId());
        }
        lastEvaluated(outcomes).ifPresent(evaluated -> {
            for (Finding finding : evaluated.findings()) {
                if (finding.status() == Status.FAIL && !finding.informational() && accounted.add(finding.rule().id())) {
                    declined.addAll(declined(resourceId, finding, evaluated));
                }
            }
        });
        lastExemption(outcomes).ifPresent(exemption -> {
            if (exemption.all()) {
                declined.add(new Declined(resourceId, Optional.empty(), Optional.empty(), null, null,
                        Declined.Reason.EXEMPT, "exempt from every rule by tag '" + exemption.tag() + "'; not evaluated"));
                return;
            }
            for (String ruleId : new TreeSet<>(exemption.ruleIds())) {
                if (accounted.add(ruleId)) {
                    declined.add(new Declined(resourceId, Optional.of(ruleId), Optional.empty(), null, null,
                            Declined.Reason.EXEMPT, "exempt by tag '" + exemption.tag() + "'; not evaluated"));
                }
            }
        });
        return new ChainReport(resourceId, chain, changes, declined);
    }

    /** A change sent, with what the reads after it (if any) tell about it. */
    private static ChangeMade verified(String resourceId, Seen sent, WorkRunner.Chain chain) {
        List<Outcome> outcomes = chain.outcomes();
        Action action = sent.action();
        Optional<String> operation = action.operation();
        for (int j = outcomes.size() - 1; j > sent.index(); j--) {
            Outcome read = outcomes.get(j);
            if (read.findings().isEmpty()) {
                continue;
            }
            Optional<Finding> finding = read.findings().stream().filter(f -> f.rule().id().equals(action.ruleId()))
                    .findFirst();
            if (finding.isEmpty()) {
                return change(resourceId, action, ChangeMade.State.NOT_VERIFIED, "not verified: the read after it did not"
                        + " evaluate " + action.ruleId(), operation);
            }
            Status status = finding.get().status();
            String reason = finding.get().evaluation().reason();
            if (status == Status.FAIL) {
                return verifiedChange(resourceId, action, ChangeMade.State.STILL_FAILING,
                        "the read after it still finds: " + reason, read, operation);
            }
            if (status == Status.NOT_EVALUATED) {
                return change(resourceId, action, ChangeMade.State.NOT_VERIFIED,
                        "not verified: the read after it could not evaluate the rule: " + reason, operation);
            }
            return verifiedChange(resourceId, action, ChangeMade.State.FIXED, "verified by the read after it: " + reason,
                    read, operation);
        }
        return change(resourceId, action, ChangeMade.State.NOT_VERIFIED, "not verified yet: " + notVerified(sent, chain),
                operation);
    }

    /**
     * Why no read verified a change: the long-running operation it started, what the last read said, or
     * why the chain ended first. Why the command stopped waiting is the report's {@code stoppedWaiting}.
     */
    private static String notVerified(Seen sent, WorkRunner.Chain chain) {
        List<Outcome> outcomes = chain.outcomes();
        List<String> why = new ArrayList<>();
        if (sent.action().status() == Action.Status.ACCEPTED) {
            why.add("ARM accepted it as a long-running operation"
                    + sent.action().operation().map(url -> " (" + url + ")").orElse(""));
        }
        boolean readSince = sent.index() < outcomes.size() - 1;
        if (readSince) {
            why.add("the last read: " + chain.last().reason());
        }
        if (chain.stopped().isPresent()) {
            why.add("the command stopped waiting (" + chain.stopped().get().waiting().option() + ")"
                    + (readSince ? "" : " before the read after it"));
        } else if (!readSince) {
            why.add(chain.last().reason());
        }
        return String.join("; ", why);
    }

    private static Declined.Reason reason(Action action, Outcome in) {
        if (action.status() == Action.Status.FAILED) {
            return Declined.Reason.REFUSED;
        }
        return in.result() == Result.CONTESTED ? Declined.Reason.CONTESTED : Declined.Reason.NOT_SENT;
    }

    private static String notSentDetail(Action action, Outcome in, WorkRunner.Chain chain) {
        if (action.status() != Action.Status.PENDING) {
            return action.detail() + (in.reason().isEmpty() || in.reason().equals(action.detail()) ? ""
                    : " (" + in.reason() + ")");
        }
        String end = chain.stopped().map(WorkRunner.Stopped::describe).orElse(chain.last().reason());
        return "step " + action.step() + ", " + action.detail() + "; the run ended first: " + end;
    }

    /** A failing finding whose fix was not in the chain's requests: one entry per change its fix would make. */
    private static List<Declined> declined(String resourceId, Finding finding, Outcome evaluated) {
        FixOutlook fix = finding.fix();
        Declined.Reason reason = switch (fix.state()) {
            case AUDIT_ONLY -> Declined.Reason.AUDIT_ONLY;
            case BLOCKED -> Declined.Reason.BLOCKED;
            case NONE -> Declined.Reason.NO_AUTOMATIC_FIX;
            case NOT_PLANNED -> Declined.Reason.NOT_PLANNED;
            default -> Declined.Reason.NOT_SENT;
        };
        String detail = reason == Declined.Reason.NOT_SENT ? fix.detail() + "; not sent: " + evaluated.reason()
                : fix.detail();
        String ruleId = finding.rule().id();
        Optional<Fix> proposed = finding.evaluation().fix();
        if (proposed.isEmpty()) {
            return List.of(new Declined(resourceId, Optional.of(ruleId), Optional.empty(), null, null, reason, detail));
        }
        List<Declined> declined = new ArrayList<>();
        for (Change change : proposed.get().changes()) {
            declined.add(new Declined(resourceId, Optional.of(ruleId), Optional.of(change.target()), change.before(),
                    change.after(), reason, detail));
        }
        return declined;
    }

    /** The last invocation that read and evaluated the resource: its findings are the latest known. */
    static Optional<Outcome> lastEvaluated(List<Outcome> outcomes) {
        for (int i = outcomes.size() - 1; i >= 0; i--) {
            if (!outcomes.get(i).findings().isEmpty()) {
                return Optional.of(outcomes.get(i));
            }
        }
        return Optional.empty();
    }

    private static Optional<Exemption> lastExemption(List<Outcome> outcomes) {
        for (int i = outcomes.size() - 1; i >= 0; i--) {
            if (outcomes.get(i).exemption().isPresent()) {
                return outcomes.get(i).exemption();
            }
        }
        return Optional.empty();
    }

    private static ChangeMade change(String resourceId, Action action, ChangeMade.State state, String detail,
            Optional<String> operation) {
        return new ChangeMade(resourceId, action.ruleId(), action.property(), action.before(), action.after(),
                action.step(), action.method(), action.target(), state, detail, Optional.empty(), operation);
    }

    private static ChangeMade verifiedChange(String resourceId, Action action, ChangeMade.State state, String detail,
            Outcome read, Optional<String> operation) {
        return new ChangeMade(resourceId, action.ruleId(), action.property(), action.before(), action.after(),
                action.step(), action.method(), action.target(), state, detail, Optional.of(read.outcomeId()),
                operation);
    }

    /** The operation of the latest change still not verified, for the report's "stopped waiting" lines. */
    Optional<String> pendingOperation() {
        Optional<String> url = Optional.empty();
        for (ChangeMade change : changes) {
            if (change.state() == ChangeMade.State.NOT_VERIFIED && change.operation().isPresent()) {
                url = change.operation();
            }
        }
        return url;
    }

    /** The command that resumes the work: {@code remediate} is idempotent (it re-reads and sends only what fails). */
    String resume() {
        return "baseline-guard remediate " + resourceId + (chain.last().item().dryRun() ? " --dry-run" : "");
    }

    int exitCode() {
        return WorkRunner.exitCode(chain);
    }

    /**
     * The final outcome record with what the command line adds: {@code changes}, {@code declined},
     * {@code stoppedWaiting} and {@code run} (docs/live-output.md). The record's own fields are unchanged.
     */
    JsonObject toJson() {
        JsonObject o = chain.last().toJson();
        o.add("changes", array(changes.stream().map(ChangeMade::toJson).toList()));
        o.add("declined", array(declined.stream().map(Declined::toJson).toList()));
        o.add("stoppedWaiting", chain.stopped().<JsonElement>map(this::stoppedJson).orElse(JsonNull.INSTANCE));
        JsonObject run = new JsonObject();
        run.addProperty("invocations", chain.outcomes().size());
        run.addProperty("armCalls", armCalls());
        run.addProperty("durationMs", chain.elapsed().toMillis());
        o.add("run", run);
        return o;
    }

    int armCalls() {
        return chain.outcomes().stream().mapToInt(Outcome::armCalls).sum();
    }

    private JsonObject stoppedJson(WorkRunner.Stopped stopped) {
        JsonObject s = new JsonObject();
        s.addProperty("reason", stopped.describe());
        s.addProperty("option", stopped.waiting().noWait() ? "--no-wait" : "--max-wait");
        s.addProperty("maxWaitSeconds", stopped.waiting().noWait() ? null : stopped.waiting().maxWait().toSeconds());
        s.addProperty("nextDue", stopped.next().notBefore().toString());
        s.addProperty("waitingFor", stopped.waitingFor());
        s.addProperty("operation", pendingOperation().orElse(null));
        s.addProperty("resume", resume());
        return s;
    }

    private static JsonArray array(List<JsonObject> items) {
        JsonArray array = new JsonArray();
        items.forEach(array::add);
        return array;
    }

}
