package com.baselineguard.cli;

import com.baselineguard.engine.Finding;
import com.baselineguard.engine.ReportJson;
import com.baselineguard.engine.ResourceReport;
import com.baselineguard.rules.Status;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * The {@code --format json} output. Schema: docs/output-json.md ({@code schemaVersion} 1). Stable:
 * fields are only ever added.
 */
final class JsonReport {

    static final int SCHEMA_VERSION = 1;

    private JsonReport() {
    }

    static String render(EvaluationRun run, String toolVersion) {
        JsonObject root = new JsonObject();
        root.addProperty("schemaVersion", SCHEMA_VERSION);
        JsonObject tool = new JsonObject();
        tool.addProperty("name", "baseline-guard");
        tool.addProperty("version", toolVersion);
        root.add("tool", tool);
        root.add("summary", summary(run));
        JsonArray resources = new JsonArray();
        for (EvaluationRun.Evaluated evaluated : run.resources()) {
            resources.add(resource(evaluated));
        }
        root.add("resources", resources);
        JsonArray ignored = new JsonArray();
        for (ExportReader.Ignored item : run.ignored()) {
            JsonObject o = new JsonObject();
            o.addProperty("file", item.file().toString());
            o.addProperty("id", item.id());
            o.addProperty("type", item.type());
            o.addProperty("reason", item.reason());
            ignored.add(o);
        }
        root.add("ignored", ignored);
        JsonArray errors = new JsonArray();
        for (ExportReader.InputError error : run.errors()) {
            JsonObject o = new JsonObject();
            o.addProperty("file", error.file().toString());
            o.addProperty("message", error.message());
            errors.add(o);
        }
        root.add("errors", errors);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root);
    }

    private static JsonObject summary(EvaluationRun run) {
        JsonObject summary = new JsonObject();
        summary.addProperty("resources", run.resources().size());
        summary.addProperty("nonCompliantResources", run.resources().stream().filter(r -> r.report().failed()).count());
        for (Status status : Status.values()) {
            summary.addProperty(status.label(), run.count(status));
        }
        summary.addProperty("plannedSteps", run.plannedSteps());
        summary.addProperty("ignored", run.ignored().size());
        summary.addProperty("errors", run.errors().size());
        return summary;
    }

    static JsonObject resource(EvaluationRun.Evaluated evaluated) {
        JsonObject o = ReportJson.report(evaluated.report());
        o.addProperty("file", evaluated.file().toString());
        o.addProperty("line", evaluated.line());
        return o;
    }

}
