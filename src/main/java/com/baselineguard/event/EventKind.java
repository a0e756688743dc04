package com.baselineguard.event;

import java.util.Locale;
import java.util.Optional;

/**
 * What an event type means to Baseline Guard. Only a successful write can leave a resource off
 * the baseline, so only {@link #WRITE_SUCCESS} is acted on; everything else parses and says why
 * it is ignored.
 */
public enum EventKind {
    WRITE_SUCCESS,
    SUBSCRIPTION_VALIDATION,
    /** Another {@code Microsoft.Resources.*} event: delete, action, failure, cancel. */
    OTHER_RESOURCE_EVENT,
    /** Any other event type (a blob event, a custom event, ...). */
    OTHER;

    public static final String RESOURCE_WRITE_SUCCESS = "Microsoft.Resources.ResourceWriteSuccess";
    public static final String SUBSCRIPTION_VALIDATION_EVENT = "Microsoft.EventGrid.SubscriptionValidationEvent";

    /** Event types are compared case-insensitively, as Event Grid's own filters compare them. */
    public static EventKind of(String eventType) {
        String type = eventType == null ? "" : eventType.trim();
        if (type.equalsIgnoreCase(RESOURCE_WRITE_SUCCESS)) {
            return WRITE_SUCCESS;
        }
        if (type.equalsIgnoreCase(SUBSCRIPTION_VALIDATION_EVENT)) {
            return SUBSCRIPTION_VALIDATION;
        }
        if (type.toLowerCase(Locale.ROOT).startsWith("microsoft.resources.")) {
            return OTHER_RESOURCE_EVENT;
        }
        return OTHER;
    }

    /** Why an event of this kind is not acted on; empty for {@link #WRITE_SUCCESS}. */
    Optional<String> ignoredBecause(String eventType) {
        String shown = TargetResolver.abbreviate(eventType);
        return switch (this) {
            case WRITE_SUCCESS -> Optional.empty();
            case SUBSCRIPTION_VALIDATION -> Optional.of("subscription validation handshake; the Functions host answers it");
            case OTHER_RESOURCE_EVENT -> Optional.of("event type " + shown + " is not a successful resource write");
            case OTHER -> Optional.of("event type " + shown + " is not a resource change event");
        };
    }
}
