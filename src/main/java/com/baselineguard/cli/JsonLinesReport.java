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
    /** One line's text, handed on to {@link #out} when it is complete. */
    private final JsonText json = new JsonText(new ByteText(16_384), false);
    private final ResourceJson resources = new ResourceJson();
    private final String toolVersion;

    JsonLinesReport(PrintWriter out, String toolVersion) {
        this.out = OutputBuffer.over(out);
        this.toolVersion = toolVersion;
    }

    @Override
    public void resource(Evaluated evaluated) {
        resources.write(json.startAt(0), evaluated, "resource");
        endLine();
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
        json.startAt(0).tree(line, true);
        endLine();
    }

    private void endLine() {
        ByteText text = json.text();
        text.append('\n');
        out.take(text);
    }
}
