package com.baselineguard.engine;

import com.baselineguard.model.ResourceId;
import java.util.List;
import java.util.Locale;

/**
 * The scope allow-list: subscriptions ({@code /subscriptions/{id}}) and resource groups
 * ({@code /subscriptions/{id}/resourceGroups/{name}}). Empty allows every resource.
 */
public record Scopes(List<String> scopes) {

    public static final Scopes EVERYWHERE = new Scopes(List.of());

    public Scopes {
        scopes = scopes.stream().map(s -> s.trim().replaceAll("/+$", "").toLowerCase(Locale.ROOT)).toList();
    }

    public boolean isEverywhere() {
        return scopes.isEmpty();
    }

    public boolean contains(ResourceId id) {
        if (scopes.isEmpty()) {
            return true;
        }
        String text = id.toString().toLowerCase(Locale.ROOT);
        return scopes.stream().anyMatch(scope -> text.startsWith(scope + "/"));
    }
}
