package com.baselineguard.cli;

import com.baselineguard.engine.Exemption;
import com.baselineguard.engine.Finding;
import com.baselineguard.engine.FixOutlook;
import com.baselineguard.engine.ReportJson;
import com.baselineguard.engine.ResourceReport;

/**
 * One entry of {@code resources[]} written straight out as JSON text ({@link JsonText}): the fields of
 * {@link ReportJson#report} (the shape every output shares) and where the resource was read. No tree is
 * built for it first (profiling showed that as a quarter of a large run), except for a plan, which is
 * rare and goes through {@link ReportJson}. A finding, most of an entry, is mostly the same text for a
 * given rule: that text is made once per rule and copied, and only the status, reason, mode, fix state,
 * step and detail are written each time. {@code ResourceJsonTest} holds this to {@link ReportJson#report},
 * field for field, indented and compact.
 */
final class ResourceJson {

    /** Per rule id, the constant parts of its findings' text, laid out for {@link #findingDepth}. */
    private final java.util.Map<String, byte[][]> findingText = new java.util.HashMap<>();
    private final byte[][] statuses = new byte[ReportedStatus.values().length][];
    private final byte[][] modes = new byte[com.baselineguard.engine.Mode.values().length][];
    private final byte[][] states = new byte[FixOutlook.State.values().length][];
    private int findingDepth = -1;
    private byte[] reasonName;
    private byte[] modeName;
    private byte[] stepName;
    private byte[] detailName;
    private byte[] findingEnd;

    /**
     * Writes the entry as the next value of {@code json}.
     *
     * @param record the JSON Lines {@code record} field written first, or null
     */
    void write(JsonText json, Evaluated evaluated, String record) {
        ResourceReport report = evaluated.report();
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
            json.tree(ReportJson.plan(report.plan()), true);
        }
        json.name("file").value(evaluated.file().toString());
        json.name("line").value(evaluated.line());
        json.endObject();
    }

    /**
     * One finding, as {@code json} would write it member by member:
     * <pre>{"ruleId": …, "name": …, "severity": …, "status": S, "reason": R, "mode": M, "fixClass": …,
     *  "fix": {"state": F, "step": N, "detail": D}}</pre>
     * with the rule's members and the names between the variable parts copied as made once.
     */
    private void finding(JsonText json, Finding finding) {
        ByteText out = json.rawValue();
        int depth = json.depth();
        if (depth != findingDepth) {
            layOut(json, depth);
        }
        byte[][] rule = findingText.get(finding.rule().id());
        if (rule == null) {
            rule = ruleText(json, finding);
            findingText.put(finding.rule().id(), rule);
        }
        out.append(rule[0]);
        out.append(label(statuses, ReportedStatus.of(finding).ordinal(), ReportedStatus.of(finding).label()));
        out.append(reasonName);
        JsonText.string(out, finding.evaluation().reason());
        out.append(modeName);
        out.append(label(modes, finding.mode().ordinal(), finding.mode().label()));
        out.append(rule[1]);
        out.append(label(states, finding.fix().state().ordinal(), finding.fix().state().label()));
        out.append(stepName);
        if (finding.fix().step().isPresent()) {
            out.append(finding.fix().step().get());
        } else {
            out.append("null");
        }
        out.append(detailName);
        JsonText.string(out, finding.fix().detail());
        out.append(findingEnd);
    }

    /** The names between a finding's variable parts, for findings standing in {@code depth} containers. */
    private void layOut(JsonText json, int depth) {
        findingText.clear();
        findingDepth = depth;
        byte[] member = json.lineBreakAt(depth + 1);
        byte[] fixMember = json.lineBreakAt(depth + 2);
        reasonName = concat(",", member, json.nameAndSeparator("reason"));
        modeName = concat(",", member, json.nameAndSeparator("mode"));
        stepName = concat(",", fixMember, json.nameAndSeparator("step"));
        detailName = concat(",", fixMember, json.nameAndSeparator("detail"));
        findingEnd = concat("", member, "}".getBytes(java.nio.charset.StandardCharsets.US_ASCII), json.lineBreakAt(depth),
                "}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** A rule's text before the status, and between the mode and the fix state. */
    private static byte[][] ruleText(JsonText json, Finding finding) {
        int depth = json.depth();
        byte[] member = json.lineBreakAt(depth + 1);
        byte[] fixMember = json.lineBreakAt(depth + 2);
        byte[] head = concat("{", member, json.nameAndSeparator("ruleId"), JsonText.quoted(finding.rule().id()),
                ascii(","), member, json.nameAndSeparator("name"), JsonText.quoted(finding.rule().name()),
                ascii(","), member, json.nameAndSeparator("severity"), JsonText.quoted(finding.rule().severity().label()),
                ascii(","), member, json.nameAndSeparator("status"));
        byte[] middle = concat(",", member, json.nameAndSeparator("fixClass"), JsonText.quoted(finding.rule().fixClass().label()),
                ascii(","), member, json.nameAndSeparator("fix"), ascii("{"), fixMember, json.nameAndSeparator("state"));
        return new byte[][] {head, middle};
    }

    private static byte[] label(byte[][] cache, int ordinal, String label) {
        byte[] text = cache[ordinal];
        if (text == null) {
            text = JsonText.quoted(label);
            cache[ordinal] = text;
        }
        return text;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static byte[] concat(String first, byte[]... parts) {
        ByteText text = new ByteText(64);
        text.append(first);
        for (byte[] part : parts) {
            text.append(part);
        }
        return java.util.Arrays.copyOf(text.bytes(), text.size());
    }

    private static void exemption(JsonText json, Exemption e) {
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
