package com.baselineguard.cli;

import com.baselineguard.engine.Finding;
import com.baselineguard.rules.Catalog;
import com.baselineguard.rules.Rule;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.Status;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code --format sarif} output: SARIF 2.1.0 as GitHub code scanning accepts it. One result per
 * failing rule per resource, located at the line of the resource's id in the exported file, with a
 * stable fingerprint (rule id + resource id) so alerts follow the resource, not the line.
 * GitHub reads {@code properties.security-severity} (0-10) to rank security alerts.
 */
final class SarifReport {

    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifReport() {
    }

    static String render(EvaluationRun run, Catalog catalog, String toolVersion, Path baseDirectory) {
        JsonObject root = new JsonObject();
        root.addProperty("$schema", SCHEMA);
        root.addProperty("version", "2.1.0");
        JsonObject runObject = new JsonObject();
        JsonObject driver = new JsonObject();
        driver.addProperty("name", "Baseline Guard");
        driver.addProperty("semanticVersion", toolVersion.replace("-SNAPSHOT", ""));
        driver.addProperty("version", toolVersion);
        JsonArray rules = new JsonArray();
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (Rule rule : catalog.rules()) {
            ruleIndex.put(rule.metadata().id(), rules.size());
            rules.add(rule(rule.metadata()));
        }
        driver.add("rules", rules);
        JsonObject tool = new JsonObject();
        tool.add("driver", driver);
        runObject.add("tool", tool);
        JsonObject originalUriBaseIds = new JsonObject();
        JsonObject srcRoot = new JsonObject();
        srcRoot.addProperty("uri", baseDirectory.toAbsolutePath().normalize().toUri().toString());
        originalUriBaseIds.add("SRCROOT", srcRoot);
        runObject.add("originalUriBaseIds", originalUriBaseIds);
        JsonArray results = new JsonArray();
        for (EvaluationRun.Evaluated evaluated : run.resources()) {
            for (Finding finding : evaluated.report().findings()) {
                if (finding.status() == Status.FAIL) {
                    results.add(result(evaluated, finding, ruleIndex.get(finding.rule().id()), baseDirectory));
                }
            }
        }
        runObject.add("results", results);
        JsonArray invocations = new JsonArray();
        JsonObject invocation = new JsonObject();
        invocation.addProperty("executionSuccessful", run.errors().isEmpty());
        JsonArray notifications = new JsonArray();
        for (ExportReader.InputError error : run.errors()) {
            JsonObject n = new JsonObject();
            n.addProperty("level", "error");
            JsonObject message = new JsonObject();
            message.addProperty("text", error.file() + ": " + error.message());
            n.add("message", message);
            notifications.add(n);
        }
        invocation.add("toolExecutionNotifications", notifications);
        invocations.add(invocation);
        runObject.add("invocations", invocations);
        JsonArray runs = new JsonArray();
        runs.add(runObject);
        root.add("runs", runs);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
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

    private static JsonObject result(EvaluationRun.Evaluated evaluated, Finding finding, int index, Path base) {
        JsonObject result = new JsonObject();
        result.addProperty("ruleId", finding.rule().id());
        result.addProperty("ruleIndex", index);
        result.addProperty("level", level(finding.rule().severity()));
        String id = evaluated.report().snapshot().id().toString();
        result.add("message", text(finding.rule().name() + " on " + id + ": " + finding.evaluation().reason()));
        JsonObject artifact = new JsonObject();
        artifact.addProperty("uri", relativeUri(evaluated.file(), base));
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
