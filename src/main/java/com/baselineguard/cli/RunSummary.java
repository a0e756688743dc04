package com.baselineguard.cli;

import com.baselineguard.engine.Finding;
import com.baselineguard.engine.ResourceReport;
import com.google.gson.JsonObject;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts of one {@code evaluate}: all it keeps of the resources once they are written, so that
 * its size depends on the number of rules and ignored types, never on the number of resources.
 */
final class RunSummary {

    private long resources;
    private long nonCompliant;
    private long skipped;
    private long plannedSteps;
    private long ignored;
    private long errors;
    private final long[] perStatus = new long[ReportedStatus.values().length];
    /** Per rule id, the count of each status (indexed by ordinal) and the rule's name. */
    private final Map<String, RuleCounts> perRule = new HashMap<>();
    private final Map<String, Long> ignoredPerType = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    void add(ResourceReport report) {
        resources++;
        if (report.skipped().isPresent()) {
            skipped++;
        } else if (report.failed()) {
            nonCompliant++;
        }
        plannedSteps += report.plan().steps().size();
        for (Finding finding : report.findings()) {
            int status = ReportedStatus.of(finding).ordinal();
            perStatus[status]++;
            RuleCounts counts = perRule.get(finding.rule().id());
            if (counts == null) {
                counts = new RuleCounts(finding.rule().name());
                perRule.put(finding.rule().id(), counts);
            }
            counts.counts[status]++;
        }
    }

    void ignored(ExportReader.Ignored item) {
        ignored++;
        ignoredPerType.merge(item.type(), 1L, Long::sum);
    }

    void error() {
        errors++;
    }

    long resources() {
        return resources;
    }

    long nonCompliant() {
        return nonCompliant;
    }

    long skipped() {
        return skipped;
    }

    /** Evaluated and not failing (informational findings do not fail a resource). */
    long compliant() {
        return resources - nonCompliant - skipped;
    }

    long count(ReportedStatus status) {
        return perStatus[status.ordinal()];
    }

    long plannedSteps() {
        return plannedSteps;
    }

    long ignored() {
        return ignored;
    }

    long errors() {
        return errors;
    }

    /** Per rule id (sorted), the count of each status. */
    Map<String, Map<ReportedStatus, Long>> perRule() {
        Map<String, Map<ReportedStatus, Long>> sorted = new TreeMap<>();
        perRule.forEach((id, counts) -> {
            Map<ReportedStatus, Long> byStatus = new EnumMap<>(ReportedStatus.class);
            for (ReportedStatus status : ReportedStatus.values()) {
                byStatus.put(status, counts.counts[status.ordinal()]);
            }
            sorted.put(id, byStatus);
        });
        return sorted;
    }

    String ruleName(String id) {
        RuleCounts counts = perRule.get(id);
        return counts == null ? "" : counts.name;
    }

    private static final class RuleCounts {
        final String name;
        final long[] counts = new long[ReportedStatus.values().length];

        RuleCounts(String name) {
            this.name = name;
        }
    }

    /** Per ignored type (sorted, as first spelled), how many items. */
    Map<String, Long> ignoredPerType() {
        return ignoredPerType;
    }

    /** 2 on bad input, else 1 when a rule fails, else 0. */
    int exitCode() {
        if (errors > 0) {
            return ExitCodes.BAD_INPUT;
        }
        return nonCompliant > 0 ? ExitCodes.NON_COMPLIANT : ExitCodes.OK;
    }

    /** The {@code summary} object of the JSON outputs (docs/output-json.md). */
    JsonObject toJson() {
        JsonObject summary = new JsonObject();
        summary.addProperty("resources", resources);
        summary.addProperty("nonCompliantResources", nonCompliant);
        summary.addProperty("compliantResources", compliant());
        summary.addProperty("skippedResources", skipped);
        for (ReportedStatus status : new ReportedStatus[] {ReportedStatus.PASS, ReportedStatus.FAIL,
                ReportedStatus.NOT_APPLICABLE, ReportedStatus.NOT_EVALUATED, ReportedStatus.INFO}) {
            summary.addProperty(status.label(), count(status));
        }
        summary.addProperty("plannedSteps", plannedSteps);
        summary.addProperty("ignored", ignored);
        summary.addProperty("errors", errors);
        JsonObject rules = new JsonObject();
        perRule().forEach((id, counts) -> {
            JsonObject o = new JsonObject();
            for (ReportedStatus status : ReportedStatus.values()) {
                o.addProperty(status.label(), counts.getOrDefault(status, 0L));
            }
            rules.add(id, o);
        });
        summary.add("perRule", rules);
        return summary;
    }
}
