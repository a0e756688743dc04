package com.baselineguard.engine;

import com.baselineguard.engine.port.OutcomeEvent;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The one structured record every invocation ends with: what was found, what was changed (before and
 * after), what was skipped and why. Logged as one JSON line (see docs/outcome-record.md), so
 * Application Insights can query it.
 *
 * @param outcomeId unique per invocation
 * @param item the work the invocation did
 * @param resourceType the ARM type, when the id named a supported one
 * @param result how it ended
 * @param reason why, in words
 * @param findings the rules' results (empty when the resource was not read)
 * @param actions the property changes sent, pending, planned or refused
 * @param duration how long the invocation took
 * @param armCalls how many ARM requests it sent
 * @param followUp the work still to do, when the invocation scheduled more
 * @param exemption the exemption tag the resource carried when it was read and evaluated: the rules it names
 *     were not evaluated (every rule: the resource was skipped)
 */
public record Outcome(String outcomeId, WorkItem item, Optional<String> resourceType, Result result, String reason,
        List<Finding> findings, List<Action> actions, Duration duration, int armCalls, Optional<WorkItem> followUp,
        Optional<Exemption> exemption) {

    /** The prefix of the log line, so a query can find the records: {@code traces | where message startswith "BaselineGuardOutcome "}. */
    public static final String LOG_PREFIX = "BaselineGuardOutcome ";

    public Outcome {
        findings = List.copyOf(findings);
        actions = List.copyOf(actions);
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("schemaVersion", 1);
        o.addProperty("outcomeId", outcomeId);
        o.addProperty("trigger", item.trigger().label());
        o.addProperty("eventId", item.eventId().orElse(null));
        o.addProperty("correlationId", item.correlationId());
        o.addProperty("resourceId", item.resourceId());
        o.addProperty("resourceType", resourceType.orElse(null));
        o.addProperty("mode", item.dryRun() ? "dry_run" : "live");
        o.addProperty("attempt", item.attempt());
        o.addProperty("result", result.label());
        o.addProperty("reason", reason);
        o.add("exemption", exemption.<com.google.gson.JsonElement>map(ReportJson::exemption).orElse(JsonNull.INSTANCE));
        JsonArray findingArray = new JsonArray();
        findings.forEach(f -> findingArray.add(ReportJson.finding(f)));
        o.add("findings", findingArray);
        JsonArray actionArray = new JsonArray();
        for (Action action : actions) {
            JsonObject a = new JsonObject();
            a.addProperty("step", action.step());
            a.addProperty("method", action.method());
            a.addProperty("target", action.target());
            a.addProperty("ruleId", action.ruleId());
            a.addProperty("property", action.property());
            a.add("before", action.before() == null ? JsonNull.INSTANCE : action.before().deepCopy());
            a.add("after", action.after() == null ? JsonNull.INSTANCE : action.after().deepCopy());
            a.addProperty("status", action.status().label());
            a.addProperty("detail", action.detail());
            a.addProperty("operation", action.operation().orElse(null));
            actionArray.add(a);
        }
        o.add("actions", actionArray);
        o.addProperty("durationMs", duration.toMillis());
        o.addProperty("armCalls", armCalls);
        o.addProperty("followUpNotBefore", followUp.map(f -> f.notBefore().toString()).orElse(null));
        return o;
    }

    /**
     * This record as the CloudEvent an {@link com.baselineguard.engine.port.OutcomeSink} publishes
     * (docs/outcome-events.md): the id is the outcomeId, the subject the resource id (when there is one).
     *
     * @param source who produced it, e.g. {@code /baseline-guard/OnResourceWrite} or {@code /baseline-guard/cli}
     */
    public OutcomeEvent event(String source) {
        String resourceId = item.resourceId();
        return new OutcomeEvent(outcomeId, OutcomeEvent.TYPE_PREFIX + result.label(), source,
                resourceId == null || resourceId.isBlank() ? Optional.empty() : Optional.of(resourceId), toJson());
    }

    /** The one log line: prefix and compact JSON. */
    public String logLine() {
        return LOG_PREFIX + toJson();
    }

    /** True when a rule above informational severity still fails. */
    public boolean nonCompliant() {
        return findings.stream().anyMatch(f -> f.status() == com.baselineguard.rules.Status.FAIL
                && f.rule().severity() != com.baselineguard.rules.Severity.INFORMATIONAL);
    }
}
