package com.baselineguard.arm;

import com.baselineguard.model.ResourceId;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * The one way Baseline Guard reads and writes Azure Resource Manager. Implementations send exactly
 * the requests named here and nothing else: never a PUT of a whole resource, never a list-keys call.
 * Every action a method performs is declared in {@link ArmActions}.
 */
public interface ArmGateway {

    /** GET a resource at its pinned api-version. */
    ArmResponse get(ResourceId id);

    /** GET the diagnostic settings of a resource ({@code {id}/providers/Microsoft.Insights/diagnosticSettings}). */
    ArmResponse diagnosticSettings(ResourceId id);

    /** PATCH a resource with exactly {@code body}. Does not wait for a long-running operation. */
    ArmResponse patch(ResourceId id, JsonObject body);

    /** PUT a diagnostic setting of a resource. */
    ArmResponse putDiagnosticSetting(ResourceId id, String name, JsonObject body);

    /**
     * One page of an Azure Resource Graph query.
     *
     * @param subscriptions subscription ids to query (may be empty when managementGroups is not)
     * @param managementGroups management group ids to query
     * @param skipToken the previous page's token, or null for the first page
     */
    ArmResponse resourceGraph(String query, List<String> subscriptions, List<String> managementGroups, int top,
            String skipToken);
}
