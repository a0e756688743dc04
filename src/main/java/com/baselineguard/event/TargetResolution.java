package com.baselineguard.event;

import com.baselineguard.model.ResourceId;
import com.baselineguard.model.ResourceType;

/** The resource an event leads Baseline Guard to evaluate, or why there is none. */
public sealed interface TargetResolution {

    /**
     * @param target the resource to evaluate: the changed resource itself, or the cache, account or
     *     pool a changed child or diagnostic setting belongs to
     * @param type its type
     * @param changed the resource the event names (equal to {@code target} unless it is a child)
     * @param subjectDisagrees true when the event's subject names a different resource than its
     *     {@code data.resourceUri}; the target then follows {@code resourceUri}
     */
    record Evaluate(ResourceId target, ResourceType type, ResourceId changed, boolean subjectDisagrees)
            implements TargetResolution {
    }

    /** @param reason one line: why no resource is evaluated for this event */
    record Skip(String reason) implements TargetResolution {
    }
}
