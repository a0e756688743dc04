package com.baselineguard.cli;

import com.baselineguard.engine.Exemption;
import com.baselineguard.engine.Finding;
import com.baselineguard.engine.FixOutlook;
import com.baselineguard.engine.ReportJson;
import com.baselineguard.engine.ResourceReport;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.Severity;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One entry of {@code resources[]} written straight to the output: the fields of
 * {@link ReportJson#report} (the shape every output shares) and where the resource was read. The
 * findings, most of each entry, go out without a tree being built for them first, which profiling
 * showed as a quarter of a large run; the plan and the exemption (rare) still go through
 * {@link ReportJson}. {@code ResourceJsonTest} holds this to {@link ReportJson#report}, field for field.
 */
final class ResourceJson {

    // The labels, worked out once: each label() call lower-cases the constant's name anew.
    private static final String[] SEVERITIES = labels(Severity.values(), Severity::label);
    private static final String[] FIX_CLASSES = labels(FixClass.values(), FixClass::label);
    private static final String[] FIX_STATES = labels(FixOutlook.State.values(), FixOutlook.State::label);

    private ResourceJson() {
    }

    static String label(Severity severity) {
        return SEVERITIES[severity.ordinal()];
    }

    static String label(FixClass fixClass) {
        return FIX_CLASSES[fixClass.ordinal()];
    }

    static String label(FixOutlook.State state) {
        return FIX_STATES[state.ordinal()];
    }

    private static <E extends Enum<E>> String[] labels(E[] values, java.util.function.Function<E, String> label) {
        String[] labels = new String[values.length];
        for (E value : values) {
            labels[value.ordinal()] = label.apply(value);
        }
        return labels;
    }

    /** @param record the JSON Lines {@code record} field written first, or null */
    static void write(JsonWriter json, Evaluated evaluated, String record) {
        ResourceReport report = evaluated.report();
        try {
            json.beginObject();
            if (record != null) {
                json.name("record").value(record);
            }
            json.name("id").value(report.snapshot().id().toString());
            json.name("type").value(report.snapshot().type().armType());
            json.name("compliant").value(!report.failed());
            json.name("skipped");
            if (report.skipped().isPresent()) {
                json.value(report.skipped().get());
            } else {
                json.nullValue();
            }
            json.name("exemption");
            if (report.exemption().isPresent()) {
                exemption(json, report.exemption().get());
            } else {
                json.nullValue();
            }
            json.name("findings").beginArray();
            for (Finding finding : report.findings()) {
                finding(json, finding);
            }
            json.endArray();
            json.name("plan");
            if (report.plan().steps().isEmpty()) {
                json.beginArray().endArray();
            } else {
                ReportWriter.write(json, ReportJson.plan(report.plan()), true);
            }
            json.name("file").value(evaluated.file().toString());
            json.name("line").value(evaluated.line());
            json.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void finding(JsonWriter json, Finding finding) throws IOException {
        json.beginObject();
        json.name("ruleId").value(finding.rule().id());
        json.name("name").value(finding.rule().name());
        json.name("severity").value(label(finding.rule().severity()));
        json.name("status").value(finding.statusLabel());
        json.name("reason").value(finding.evaluation().reason());
        json.name("mode").value(finding.mode().label());
        json.name("fixClass").value(label(finding.rule().fixClass()));
        json.name("fix").beginObject();
        json.name("state").value(label(finding.fix().state()));
        json.name("step");
        if (finding.fix().step().isPresent()) {
            json.value(finding.fix().step().get());
        } else {
            json.nullValue();
        }
        json.name("detail").value(finding.fix().detail());
        json.endObject();
        json.endObject();
    }

    private static void exemption(JsonWriter json, Exemption e) throws IOException {
        json.beginObject();
        json.name("tag").value(e.tag());
        json.name("allRules").value(e.all());
        json.name("ruleIds").beginArray();
        for (String id : e.ruleIds().stream().sorted().toList()) {
            json.value(id);
        }
        json.endArray();
        json.name("unknownIds").beginArray();
        for (String id : e.unknownIds()) {
            json.value(id);
        }
        json.endArray();
        json.endObject();
    }
}
