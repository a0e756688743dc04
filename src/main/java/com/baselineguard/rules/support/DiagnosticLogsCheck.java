package com.baselineguard.rules.support;

import com.baselineguard.model.JsonPath;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Change;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.Fix;
import com.baselineguard.rules.FixStage;
import com.baselineguard.rules.RuleSettings;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that a resource's diagnostic settings ({@code Microsoft.Insights/diagnosticSettings},
 * api-version 2021-05-01-preview) send its resource logs somewhere, and proposes a setting to the
 * configured Log Analytics workspace when none does. Shared by the Redis and Batch logging rules.
 */
public final class DiagnosticLogsCheck {

    private static final List<String> DESTINATIONS =
            List.of("workspaceId", "storageAccountId", "eventHubAuthorizationRuleId", "marketplacePartnerId");
    private static final JsonPath NAME = JsonPath.of("name");

    private final Set<String> acceptedGroups;
    private final Set<String> requiredCategories;
    private final JsonArray fixLogs;
    private final String requirement;
    private final boolean fixAllMetrics;

    /**
     * @param acceptedGroups category groups that cover the requirement on their own ({@code allLogs}, {@code audit})
     * @param requiredCategories categories that together cover it when no accepted group is enabled
     * @param fixLogs the {@code logs} array of the setting the fix creates
     */
    public DiagnosticLogsCheck(Set<String> acceptedGroups, Set<String> requiredCategories, JsonArray fixLogs) {
        this(acceptedGroups, requiredCategories, fixLogs, true);
    }

    /**
     * As above; {@code fixAllMetrics} false makes the fix send {@code "metrics": []}, for resource
     * types whose metric support in diagnostic settings is not established.
     */
    public DiagnosticLogsCheck(Set<String> acceptedGroups, Set<String> requiredCategories, JsonArray fixLogs,
            boolean fixAllMetrics) {
        this.acceptedGroups = lower(acceptedGroups);
        this.requiredCategories = lower(requiredCategories);
        this.fixLogs = fixLogs.deepCopy();
        this.fixAllMetrics = fixAllMetrics;
        this.requirement = "category group " + String.join(" or ", new TreeSet<>(acceptedGroups))
                + (requiredCategories.isEmpty() ? "" : " (or categories " + String.join(" + ",
                        new TreeSet<>(requiredCategories)) + ")");
    }

    public Evaluation evaluate(ResourceSnapshot resource, RuleSettings settings) {
        Optional<List<JsonObject>> loaded = resource.related(RelatedKind.DIAGNOSTIC_SETTINGS);
        if (loaded.isEmpty()) {
            return Evaluation.notEvaluated("the snapshot does not carry the resource's diagnostic settings ("
                    + RelatedKind.DIAGNOSTIC_SETTINGS.description() + ")");
        }
        for (JsonObject setting : loaded.get()) {
            if (hasDestination(setting) && covers(setting)) {
                return Evaluation.pass("diagnostic setting '" + NAME.readString(setting).orElse("?")
                        + "' sends the required logs to a destination");
            }
        }
        String reason = loaded.get().isEmpty()
                ? "the resource has no diagnostic settings, so its resource logs are not kept"
                : "no diagnostic setting sends " + requirement + " to a destination";
        String name = settings.diagnosticSettingName();
        JsonElement existing = loaded.get().stream()
                .filter(s -> NAME.readString(s).map(name::equalsIgnoreCase).orElse(false))
                .findFirst().<JsonElement>map(JsonObject::deepCopy).orElse(null);
        Fix fix = Fix.of(FixStage.EXTENSION, new Change.ExtensionResource(RelatedKind.DIAGNOSTIC_SETTINGS,
                        "providers/Microsoft.Insights/diagnosticSettings/" + name, name, existing,
                        body(settings.diagnosticsWorkspaceId().orElse(""))))
                .blockedBy(settings.diagnosticsWorkspaceId().isPresent() ? Optional.empty()
                        : Optional.of("no Log Analytics workspace is configured for diagnostic logs"
                                + " (setting BG_DIAGNOSTICS_WORKSPACE_ID)"));
        return Evaluation.fail(reason, fix);
    }

    private JsonObject body(String workspaceId) {
        JsonObject properties = new JsonObject();
        properties.addProperty("workspaceId", workspaceId);
        properties.add("logs", fixLogs.deepCopy());
        JsonArray metrics = new JsonArray();
        if (fixAllMetrics) {
            JsonObject allMetrics = new JsonObject();
            allMetrics.addProperty("category", "AllMetrics");
            allMetrics.addProperty("enabled", true);
            metrics.add(allMetrics);
        }
        properties.add("metrics", metrics);
        JsonObject body = new JsonObject();
        body.add("properties", properties);
        return body;
    }

    /** A {@code logs} array enabling one category group, e.g. {@code [{"categoryGroup":"allLogs","enabled":true}]}. */
    public static JsonArray categoryGroupLogs(String categoryGroup) {
        JsonObject entry = new JsonObject();
        entry.addProperty("categoryGroup", categoryGroup);
        entry.addProperty("enabled", true);
        JsonArray logs = new JsonArray();
        logs.add(entry);
        return logs;
    }

    private static boolean hasDestination(JsonObject setting) {
        return DESTINATIONS.stream().anyMatch(d -> field(setting, d).filter(JsonElement::isJsonPrimitive)
                .map(JsonElement::getAsString).filter(v -> !v.isBlank()).isPresent());
    }

    /**
     * A member of the setting's {@code properties}, or of the setting itself: the REST API nests them
     * under {@code properties}, while {@code az monitor diagnostic-settings list} prints them flattened.
     */
    private static Optional<JsonElement> field(JsonObject setting, String name) {
        Optional<JsonElement> nested = JsonPath.of("properties." + name).read(setting);
        return nested.isPresent() ? nested : JsonPath.of(name).read(setting);
    }

    private boolean covers(JsonObject setting) {
        Set<String> enabledCategories = new TreeSet<>();
        List<JsonElement> logs = field(setting, "logs").filter(JsonElement::isJsonArray)
                .map(l -> l.getAsJsonArray().asList()).orElse(List.of());
        for (JsonElement log : logs) {
            if (!log.isJsonObject() || !JsonPath.of("enabled").read(log.getAsJsonObject()).map(Values::isTrue)
                    .orElse(false)) {
                continue;
            }
            JsonObject entry = log.getAsJsonObject();
            Optional<String> group = JsonPath.of("categoryGroup").readString(entry);
            if (group.isPresent() && acceptedGroups.contains(group.get().toLowerCase(Locale.ROOT))) {
                return true;
            }
            JsonPath.of("category").readString(entry).ifPresent(c -> enabledCategories.add(c.toLowerCase(Locale.ROOT)));
        }
        return !requiredCategories.isEmpty() && enabledCategories.containsAll(requiredCategories);
    }

    private static Set<String> lower(Set<String> values) {
        Set<String> result = new TreeSet<>();
        values.forEach(v -> result.add(v.toLowerCase(Locale.ROOT)));
        return result;
    }
}
