package com.baselineguard.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.Map;

/**
 * The {@code --format jsonl} output: JSON Lines, one object per line, each written as soon as it is
 * known, so a consumer can act on a resource while the run goes on. {@code record} says what a line
 * is: {@code resource} (the fields of {@code resources[]} in the JSON output), {@code ignored},
 * {@code error}, and last {@code summary} (with {@code schemaVersion} and {@code tool}).
 */
final class JsonLinesReport implements ReportWriter {

    private final OutputBuffer out;
    private final com.google.gson.stream.JsonWriter json;
    private final String toolVersion;

    JsonLinesReport(PrintWriter out, String toolVersion) {
        this.out = new OutputBuffer(out);
        this.json = new com.google.gson.stream.JsonWriter(this.out);
        json.setHtmlSafe(false);
        json.setSerializeNulls(true);
        // One document per line: Gson's writer must not refuse the second top-level value.
        json.setStrictness(com.google.gson.Strictness.LENIENT);
        this.toolVersion = toolVersion;
    }

    @Override
    public void resource(Evaluated evaluated) {
        ResourceJson.write(json, evaluated, "resource");
        newline();
    }

    @Override
    public void ignored(ExportReader.Ignored item) {
        line("ignored", ReportWriter.json(item));
    }

    @Override
    public void error(ExportReader.InputError error) {
        line("error", ReportWriter.json(error));
    }

    @Override
    public void finish(RunSummary summary) {
        JsonObject head = new JsonObject();
        head.addProperty("schemaVersion", JsonReport.SCHEMA_VERSION);
        head.add("tool", JsonReport.tool(toolVersion));
        for (Map.Entry<String, JsonElement> entry : summary.toJson().entrySet()) {
            head.add(entry.getKey(), entry.getValue());
        }
        line("summary", head);
        out.flush();
    }

    @Override
    public void flush() {
        out.flush();
    }

    private void line(String record, JsonObject fields) {
        JsonObject line = new JsonObject();
        line.addProperty("record", record);
        for (Map.Entry<String, JsonElement> entry : fields.entrySet()) {
            line.add(entry.getKey(), entry.getValue());
        }
        ReportWriter.write(json, line, true);
        newline();
    }

    private void newline() {
        out.write('\n');
    }
}
