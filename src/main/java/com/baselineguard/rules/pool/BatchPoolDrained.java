package com.baselineguard.rules.pool;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.support.Values;
import com.google.gson.JsonElement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The precondition every pool fix shares. Apart from scale settings, start task, metadata and application packages, a
 * pool's properties change only while it has zero dedicated and zero Spot/low-priority nodes, and deployment
 * configuration changes also need allocation state {@code Steady}
 * (https://learn.microsoft.com/azure/batch/batch-pool-update-properties). A count or state missing from the snapshot
 * cannot confirm that, so it blocks.
 */
final class BatchPoolDrained {

    /** The precondition in words, for {@code RuleMetadata.precondition}. */
    static final String PRECONDITION = "zero dedicated and low-priority nodes and allocationState Steady";

    private BatchPoolDrained() {
    }

    /** Worked out once per snapshot: every failing pool rule's fix carries it. */
    private static final ResourceSnapshot.Derived<Optional<String>> BLOCKER =
            ResourceSnapshot.Derived.of(BatchPoolDrained::workOutBlocker);

    /** Why the pool cannot take a create-time change now, or empty when it is drained and Steady. */
    static Optional<String> blocker(ResourceSnapshot pool) {
        return pool.derive(BLOCKER);
    }

    private static Optional<String> workOutBlocker(ResourceSnapshot pool) {
        List<String> problems = new ArrayList<>();
        nodeCountProblem(pool, "properties.currentDedicatedNodes").ifPresent(problems::add);
        nodeCountProblem(pool, "properties.currentLowPriorityNodes").ifPresent(problems::add);
        Optional<JsonElement> state = pool.value("properties.allocationState");
        if (state.isEmpty()) {
            problems.add("properties.allocationState is not in the snapshot");
        } else if (!Values.textEquals(state.get(), "Steady")) {
            problems.add("properties.allocationState is " + Values.display(state.get()));
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the pool must have zero dedicated and zero low-priority nodes and allocationState Steady"
                + " before this property can change, but " + String.join(" and ", problems));
    }

    private static Optional<String> nodeCountProblem(ResourceSnapshot pool, String path) {
        Optional<JsonElement> count = pool.value(path);
        if (count.isEmpty()) {
            return Optional.of(path + " is not in the snapshot");
        }
        if (!count.get().isJsonPrimitive()) {
            return Optional.of(path + " is " + Values.display(count.get()) + ", not a node count");
        }
        try {
            return new BigDecimal(count.get().getAsString().trim()).signum() == 0
                    ? Optional.empty()
                    : Optional.of(path + " is " + Values.display(count.get()));
        } catch (NumberFormatException e) {
            return Optional.of(path + " is " + Values.display(count.get()) + ", not a node count");
        }
    }
}
