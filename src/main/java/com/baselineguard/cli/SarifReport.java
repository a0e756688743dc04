package com.baselineguard.cli;

import com.baselineguard.engine.Finding;
import com.baselineguard.rules.Catalog;
import com.baselineguard.rules.Rule;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.Status;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code --format sarif} output: SARIF 2.1.0 as GitHub code scanning accepts it. One result per
 * failing rule per resource, located at the line of the resource's id in the exported file, with a
 * stable fingerprint (rule id + resource id) so alerts follow the resource, not the line.
 * GitHub reads {@code properties.security-severity} (0-10) to rank security alerts. An informational
 * finding is a result of level {@code note}. Written as the run goes: the results as the resources are
 * evaluated, the invocation (with the input errors) at the end.
 */
final class SarifReport implements ReportWriter {

    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private final OutputBuffer out;
    private final JsonText json = new JsonText(new ByteText(16_384), true);
    private final Map<String, Integer> ruleIndex = new HashMap<>();
    private final Path baseDirectory;
    private final Spool errors = new Spool();
    private Path lastFile;
    private String lastUri;

    SarifReport(PrintWriter out, Catalog catalog, String toolVersion, Path baseDirectory) {
        this.out = OutputBuffer.over(out);
        this.baseDirectory = baseDirectory;
        json.beginObject();
        json.name("$schema").value(SCHEMA);
        json.name("version").value("2.1.0");
        json.name("runs").beginArray().beginObject();
        JsonObject driver = new JsonObject();
        driver.addProperty("name", "Baseline Guard");
        driver.addProperty("semanticVersion", toolVersion.replace("-SNAPSHOT", ""));
        driver.addProperty("version", toolVersion);
        JsonArray rules = new JsonArray();
        for (Rule rule : catalog.rules()) {
            ruleIndex.put(rule.metadata().id(), rules.size());
            rules.add(rule(rule.metadata()));
        }
        driver.add("rules", rules);
        JsonObject tool = new JsonObject();
        tool.add("driver", driver);
        json.name("tool").tree(tool, false);
        JsonObject originalUriBaseIds = new JsonObject();
        JsonObject srcRoot = new JsonObject();
        srcRoot.addProperty("uri", baseDirectory.toAbsolutePath().normalize().toUri().toString());
        originalUriBaseIds.add("SRCROOT", srcRoot);
        json.name("originalUriBaseIds").tree(originalUriBaseIds, false);
        json.name("results").beginArray();
        drain();
    }

    @Override
    public void resource(Evaluated evaluated) {
        for (Finding finding : evaluated.report().findings()) {
            if (finding.status() == Status.FAIL) {
                json.tree(result(evaluated, finding, ruleIndex.get(finding.rule().id())), false);
            }
        }
        drain();
    }

    @Override
    public void ignored(ExportReader.Ignored item) {
        // SARIF has no place for items of other types.
    }

    @Override
    public void error(ExportReader.InputError error) {
        errors.add(ReportWriter.json(error));
    }

    @Override
    public void finish(RunSummary summary) {
        json.endArray();
        json.name("invocations").beginArray().beginObject();
        json.name("executionSuccessful").value(summary.errors() == 0);
        json.name("toolExecutionNotifications").beginArray();
        errors.forEach(error -> {
            JsonObject n = new JsonObject();
            n.addProperty("level", "error");
            n.add("message", text(error.get("file").getAsString() + ": " + error.get("message").getAsString()));
            json.tree(n, false);
            drain();
        });
        json.endArray();
        json.endObject().endArray();
        json.endObject().endArray();
        json.endObject();
        drain();
        out.write(System.lineSeparator());
        out.flush();
    }

    private void drain() {
        out.take(json.text());
    }

    @Override
    public void flush() {
        out.flush();
    }

    @Override
    public void close() {
        errors.close();
    }

    private static JsonObject rule(RuleMetadata m) {
        JsonObject rule = new JsonObject();
        rule.addProperty("id", m.id());
        rule.addProperty("name", m.name().replace(".", ""));
        rule.add("shortDescription", text(m.synopsis()));
        rule.add("fullDescription", text(m.synopsis() + " " + m.recommendation()));
        JsonObject help = new JsonObject();
        help.addProperty("text", m.recommendation() + " See " + m.docPath() + ".");
        help.addProperty("markdown", m.recommendation() + "\n\nSee [" + m.id() + "](" + m.docPath() + ").");
        rule.add("help", help);
        JsonObject configuration = new JsonObject();
        configuration.addProperty("level", level(m.severity()));
        rule.add("defaultConfiguration", configuration);
        JsonObject properties = new JsonObject();
        JsonArray tags = new JsonArray();
        tags.add("security");
        tags.add(m.resourceType().armType());
        m.controls().forEach(c -> tags.add("baseline-" + c));
        properties.add("tags", tags);
        properties.addProperty("precision", "very-high");
        properties.addProperty("security-severity", securitySeverity(m.severity()));
        rule.add("properties", properties);
        return rule;
    }

    private JsonObject result(Evaluated evaluated, Finding finding, int index) {
        JsonObject result = new JsonObject();
        result.addProperty("ruleId", finding.rule().id());
        result.addProperty("ruleIndex", index);
        // An informational finding is a note whatever else: guidance, never a failure to fix.
        result.addProperty("level", finding.informational() ? "note" : level(finding.rule().severity()));
        String id = evaluated.report().snapshot().id().toString();
        result.add("message", text(finding.rule().name() + " on " + id + ": " + finding.evaluation().reason()));
        JsonObject artifact = new JsonObject();
        artifact.addProperty("uri", uri(evaluated.file()));
        artifact.addProperty("uriBaseId", "SRCROOT");
        JsonObject region = new JsonObject();
        region.addProperty("startLine", Math.max(1, evaluated.line()));
        JsonObject physical = new JsonObject();
        physical.add("artifactLocation", artifact);
        physical.add("region", region);
        JsonObject logical = new JsonObject();
        logical.addProperty("fullyQualifiedName", id);
        logical.addProperty("kind", "resource");
        JsonArray logicals = new JsonArray();
        logicals.add(logical);
        JsonObject location = new JsonObject();
        location.add("physicalLocation", physical);
        location.add("logicalLocations", logicals);
        JsonArray locations = new JsonArray();
        locations.add(location);
        result.add("locations", locations);
        JsonObject fingerprints = new JsonObject();
        fingerprints.addProperty("baselineGuard/v1", sha256(finding.rule().id() + "|" + id.toLowerCase(Locale.ROOT)));
        result.add("partialFingerprints", fingerprints);
        return result;
    }

    /** The artifact URI of an input; the same for all its resources, so worked out once per input. */
    private String uri(Path file) {
        if (!file.equals(lastFile)) {
            lastFile = file;
            lastUri = relativeUri(file, baseDirectory);
        }
        return lastUri;
    }

    private static String relativeUri(Path file, Path base) {
        Path absolute = file.toAbsolutePath().normalize();
        Path baseAbsolute = base.toAbsolutePath().normalize();
        Path relative = absolute.startsWith(baseAbsolute) ? baseAbsolute.relativize(absolute) : absolute;
        StringBuilder uri = new StringBuilder();
        for (Path part : relative) {
            if (uri.length() > 0) {
                uri.append('/');
            }
            uri.append(java.net.URLEncoder.encode(part.toString(), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return absolute.startsWith(baseAbsolute) ? uri.toString() : absolute.toUri().toString();
    }

    static String level(Severity severity) {
        return switch (severity) {
            case HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFORMATIONAL -> "note";
        };
    }

    private static String securitySeverity(Severity severity) {
        return switch (severity) {
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFORMATIONAL -> "0.5";
        };
    }

    private static JsonObject text(String value) {
        JsonObject o = new JsonObject();
        o.addProperty("text", value);
        return o;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
