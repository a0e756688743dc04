package com.baselineguard.rules.batch;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.support.Values;
import com.google.gson.JsonElement;
import java.util.Optional;

/** How a Batch account's {@code properties.publicNetworkAccess} reads, shared by the network rules. */
final class BatchPublicAccess {

    static final String PATH = "properties.publicNetworkAccess";

    private BatchPublicAccess() {
    }

    /** True for the values that keep the public endpoints closed: {@code Disabled}, {@code SecuredByPerimeter}. */
    static boolean closes(JsonElement value) {
        return Values.textEquals(value, "Disabled") || Values.textEquals(value, "SecuredByPerimeter");
    }

    /**
     * The closing value when public access is off, or empty when it is on (absent means Enabled, the default in the
     * Batch 2025-06-01 REST spec).
     */
    static Optional<String> closedBy(ResourceSnapshot resource) {
        return resource.value(PATH).filter(BatchPublicAccess::closes).map(JsonElement::getAsString);
    }
}
