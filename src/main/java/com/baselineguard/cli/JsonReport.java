package com.baselineguard.cli;

import com.google.gson.JsonObject;
import java.io.PrintWriter;

/**
 * The {@code --format json} output: one document, written as the run goes. Schema: docs/output-json.md
 * ({@code schemaVersion} 1). Stable: fields are only ever added. {@code summary} comes last, since it
 * is known only once every resource has been written; {@code ignored} and {@code errors} are kept
 * aside ({@link Spool}) until the resources are written.
 */
final class JsonReport implements ReportWriter {

    static final int SCHEMA_VERSION = 1;

    private final OutputBuffer out;
    /** The document's text, handed on to {@link #out} after each resource. */
    private final JsonText json = new JsonText(new ByteText(16_384), true);
    private final ResourceJson resources = new ResourceJson();
    private final Spool ignored = new Spool();
    private final Spool errors = new Spool();

    JsonReport(PrintWriter out, String toolVersion) {
        this.out = OutputBuffer.over(out);
        json.beginObject();
        json.name("schemaVersion").value(SCHEMA_VERSION);
        json.name("tool").tree(tool(toolVersion), true);
        json.name("resources").beginArray();
        drain();
    }

    static JsonObject tool(String toolVersion) {
        JsonObject tool = new JsonObject();
        tool.addProperty("name", "baseline-guard");
        tool.addProperty("version", toolVersion);
        return tool;
    }

    @Override
    public void resource(Evaluated evaluated) {
        resources.write(json, evaluated, null);
        drain();
    }

    @Override
    public void ignored(ExportReader.Ignored item) {
        ignored.add(ReportWriter.json(item));
    }

    @Override
    public void error(ExportReader.InputError error) {
        errors.add(ReportWriter.json(error));
    }

    @Override
    public void finish(RunSummary summary) {
        json.endArray();
        json.name("ignored").beginArray();
        ignored.forEach(o -> {
            json.tree(o, true);
            drain();
        });
        json.endArray();
        json.name("errors").beginArray();
        errors.forEach(o -> {
            json.tree(o, true);
            drain();
        });
        json.endArray();
        json.name("summary").tree(summary.toJson(), true);
        json.endObject();
        drain();
        out.write(System.lineSeparator());
        out.flush();
    }

    @Override
    public void flush() {
        out.flush();
    }

    private void drain() {
        out.take(json.text());
    }

    @Override
    public void close() {
        ignored.close();
        errors.close();
    }
}
