package com.baselineguard.engine;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/** The JSON form of findings and plans, shared by every output that shows them. */
public final class ReportJson {

    private ReportJson() {
    }

    /** One resource's report: id, type, verdict, skip reason, exemption, findings and plan. */
    public static JsonObject report(ResourceReport report) {
        JsonObject o = new JsonObject();
        o.addProperty("id", report.snapshot().id().toString());
        o.addProperty("type", report.snapshot().type().armType());
        o.addProperty("compliant", !report.failed());
        o.add("skipped", report.skipped().<JsonElement>map(JsonPrimitive::new).orElse(JsonNull.INSTANCE));
        o.add("exemption", report.exemption().<JsonElement>map(ReportJson::exemption).orElse(JsonNull.INSTANCE));
        JsonArray findings = new JsonArray();
        for (Finding finding : report.findings()) {
            findings.add(finding(finding));
        }
        o.add("findings", findings);
        o.add("plan", plan(report.plan()));
        return o;
    }

    /** An exemption tag as read: {@code tag}, {@code allRules}, {@code ruleIds}, {@code unknownIds}. */
    public static JsonObject exemption(Exemption e) {
        JsonObject x = new JsonObject();
        x.addProperty("tag", e.tag());
        x.addProperty("allRules", e.all());
        JsonArray ids = new JsonArray();
        e.ruleIds().stream().sorted().forEach(ids::add);
        x.add("ruleIds", ids);
        JsonArray unknown = new JsonArray();
        e.unknownIds().forEach(unknown::add);
        x.add("unknownIds", unknown);
        return x;
    }

    public static JsonObject finding(Finding finding) {
        JsonObject f = new JsonObject();
        f.addProperty("ruleId", finding.rule().id());
        f.addProperty("name", finding.rule().name());
        f.addProperty("severity", finding.rule().severity().label());
        f.addProperty("status", finding.statusLabel());
        f.addProperty("reason", finding.evaluation().reason());
        f.addProperty("mode", finding.mode().label());
        f.addProperty("fixClass", finding.rule().fixClass().label());
        JsonObject fix = new JsonObject();
        fix.addProperty("state", finding.fix().state().label());
        fix.add("step", finding.fix().step().<JsonElement>map(JsonPrimitive::new).orElse(JsonNull.INSTANCE));
        fix.addProperty("detail", finding.fix().detail());
        f.add("fix", fix);
        return f;
    }

    public static JsonArray plan(RemediationPlan plan) {
        JsonArray steps = new JsonArray();
        for (PlanStep step : plan.steps()) {
            JsonObject s = new JsonObject();
            s.addProperty("step", step.number());
            s.addProperty("method", step.method());
            s.addProperty("target", step.target());
            s.add("body", step.body().deepCopy());
            JsonArray changes = new JsonArray();
            for (PlannedChange change : step.changes()) {
                JsonObject c = new JsonObject();
                c.addProperty("ruleId", change.ruleId());
                c.addProperty("property", change.property());
                c.add("before", change.before() == null ? JsonNull.INSTANCE : change.before().deepCopy());
                c.add("after", change.after().deepCopy());
                changes.add(c);
            }
            s.add("changes", changes);
            steps.add(s);
        }
        return steps;
    }
}
