package com.baselineguard.cli;

import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * The {@code --format json} output: one document, written as the run goes. Schema: docs/output-json.md
 * ({@code schemaVersion} 1). Stable: fields are only ever added. {@code summary} comes last, since it
 * is known only once every resource has been written; {@code ignored} and {@code errors} are kept
 * aside ({@link Spool}) until the resources are written.
 */
final class JsonReport implements ReportWriter {

    static final int SCHEMA_VERSION = 1;

    private final OutputBuffer out;
    private final JsonWriter json;
    private final Spool ignored = new Spool();
    private final Spool errors = new Spool();

    JsonReport(PrintWriter out, String toolVersion) {
        this.out = new OutputBuffer(out);
        this.json = new JsonWriter(this.out);
        json.setIndent("  ");
        json.setHtmlSafe(false);
        json.setSerializeNulls(true);
        try {
            json.beginObject();
            json.name("schemaVersion").value(SCHEMA_VERSION);
            json.name("tool");
            ReportWriter.write(json, tool(toolVersion), true);
            json.name("resources").beginArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonObject tool(String toolVersion) {
        JsonObject tool = new JsonObject();
        tool.addProperty("name", "baseline-guard");
        tool.addProperty("version", toolVersion);
        return tool;
    }

    @Override
    public void resource(Evaluated evaluated) {
        ResourceJson.write(json, evaluated, null);
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
        try {
            json.endArray();
            json.name("ignored").beginArray();
            ignored.forEach(o -> ReportWriter.write(json, o, true));
            json.endArray();
            json.name("errors").beginArray();
            errors.forEach(o -> ReportWriter.write(json, o, true));
            json.endArray();
            json.name("summary");
            ReportWriter.write(json, summary.toJson(), true);
            json.endObject();
            json.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.write(System.lineSeparator());
        out.flush();
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        ignored.close();
        errors.close();
    }
}
