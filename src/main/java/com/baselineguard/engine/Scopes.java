package com.baselineguard.engine;

import com.baselineguard.model.ResourceId;
import java.util.List;
import java.util.Locale;

/**
 * The scope allow-list: subscriptions ({@code /subscriptions/{id}}), resource groups
 * ({@code /subscriptions/{id}/resourceGroups/{name}}) and management groups
 * ({@code /providers/Microsoft.Management/managementGroups/{id}}). Empty allows every resource.
 *
 * <p>Which subscriptions a management group holds is not known without asking Azure; sweeps query
 * management groups directly, and for single resources a management-group scope admits every
 * subscription: the reach is then bounded by where the managed identity's role is assigned and
 * where event subscriptions exist (infra/).
 */
public record Scopes(List<String> scopes) {

    public static final Scopes EVERYWHERE = new Scopes(List.of());
    private static final String MANAGEMENT_GROUP_PREFIX = "/providers/microsoft.management/managementgroups/";

    public Scopes {
        scopes = scopes.stream().map(s -> s.trim().replaceAll("/+$", "").toLowerCase(Locale.ROOT)).toList();
    }

    public boolean isEverywhere() {
        return scopes.isEmpty();
    }

    public boolean contains(ResourceId id) {
        if (scopes.isEmpty() || !managementGroups().isEmpty()) {
            return true;
        }
        String text = id.toString().toLowerCase(Locale.ROOT);
        return scopes.stream().anyMatch(scope -> text.startsWith(scope + "/"));
    }

    /** The subscription ids a sweep queries: every subscription scope and the subscriptions of resource-group scopes. */
    public List<String> subscriptions() {
        return scopes.stream().filter(s -> s.startsWith("/subscriptions/")).map(s -> s.split("/")[2]).distinct().toList();
    }

    /** The management group ids a sweep queries. */
    public List<String> managementGroups() {
        return scopes.stream().filter(s -> s.startsWith(MANAGEMENT_GROUP_PREFIX))
                .map(s -> s.substring(MANAGEMENT_GROUP_PREFIX.length())).toList();
    }
}
