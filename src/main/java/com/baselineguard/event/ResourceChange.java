package com.baselineguard.event;

import com.baselineguard.model.ResourceId;
import com.baselineguard.model.ResourceType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * One event of a delivery, reduced to what Baseline Guard needs. Text fields are never null: a
 * field the event did not carry is {@code ""}. Nothing here is trusted to describe the resource's
 * state; the engine re-reads the {@link #target()} from Resource Manager.
 *
 * @param eventId {@code id}
 * @param eventType {@code eventType} (Event Grid) or {@code type} (CloudEvents), as given
 * @param schema the envelope the event arrived in
 * @param topic {@code topic} (Event Grid) or {@code source} (CloudEvents)
 * @param subject {@code subject}
 * @param eventTime {@code eventTime} or {@code time}, as given; see {@link #eventInstant()}
 * @param operationName {@code data.operationName}, e.g. {@code Microsoft.Cache/redis/write}
 * @param status {@code data.status}
 * @param resourceUri {@code data.resourceUri}
 * @param correlationId {@code data.correlationId}; links the two write events one deployment can emit
 * @param subscriptionId {@code data.subscriptionId}
 * @param tenantId {@code data.tenantId}
 * @param caller the identifying claims of {@code data.claims}
 * @param resolution the resource to evaluate, or why there is none
 */
public record ResourceChange(
        String eventId,
        String eventType,
        EventSchema schema,
        String topic,
        String subject,
        String eventTime,
        String operationName,
        String status,
        String resourceUri,
        String correlationId,
        String subscriptionId,
        String tenantId,
        Caller caller,
        TargetResolution resolution) {

    public ResourceChange {
        eventId = Objects.requireNonNullElse(eventId, "");
        eventType = Objects.requireNonNullElse(eventType, "");
        Objects.requireNonNull(schema, "schema");
        topic = Objects.requireNonNullElse(topic, "");
        subject = Objects.requireNonNullElse(subject, "");
        eventTime = Objects.requireNonNullElse(eventTime, "");
        operationName = Objects.requireNonNullElse(operationName, "");
        status = Objects.requireNonNullElse(status, "");
        resourceUri = Objects.requireNonNullElse(resourceUri, "");
        correlationId = Objects.requireNonNullElse(correlationId, "");
        subscriptionId = Objects.requireNonNullElse(subscriptionId, "");
        tenantId = Objects.requireNonNullElse(tenantId, "");
        caller = Objects.requireNonNullElse(caller, Caller.UNKNOWN);
        Objects.requireNonNull(resolution, "resolution");
    }

    public EventKind kind() {
        return EventKind.of(eventType);
    }

    /** True only for {@code Microsoft.Resources.ResourceWriteSuccess}, in any casing. */
    public boolean isWriteSuccess() {
        return kind() == EventKind.WRITE_SUCCESS;
    }

    public boolean isSubscriptionValidation() {
        return kind() == EventKind.SUBSCRIPTION_VALIDATION;
    }

    /** The event time when it is an ISO-8601 instant or offset date-time. */
    public Optional<Instant> eventInstant() {
        String text = eventTime.trim();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The cache, Batch account or pool to evaluate; empty with a {@link #skipReason()} otherwise. */
    public Optional<ResourceId> target() {
        return resolution instanceof TargetResolution.Evaluate found ? Optional.of(found.target()) : Optional.empty();
    }

    public Optional<ResourceType> targetType() {
        return resolution instanceof TargetResolution.Evaluate found ? Optional.of(found.type()) : Optional.empty();
    }

    /** Why the event leads to no resource to evaluate; empty when {@link #target()} is present. */
    public Optional<String> skipReason() {
        return resolution instanceof TargetResolution.Skip skip ? Optional.of(skip.reason()) : Optional.empty();
    }

    /** True when the target follows {@code data.resourceUri} while the subject names another resource. */
    public boolean subjectDisagrees() {
        return resolution instanceof TargetResolution.Evaluate found && found.subjectDisagrees();
    }

    /** True when Baseline Guard should evaluate {@link #target()}: a successful write with a target. */
    public boolean isActionable() {
        return ignoredBecause().isEmpty();
    }

    /** Why the event is not acted on: its type first, then its target. Empty when actionable. */
    public Optional<String> ignoredBecause() {
        Optional<String> byKind = kind().ignoredBecause(eventType);
        return byKind.isPresent() ? byKind : skipReason();
    }

    /**
     * True when the change was made by {@code clientOrObjectId}: the {@code appid}, {@code azp} or
     * object id claim equals it, ignoring case. Used to recognise Baseline Guard's own writes.
     */
    public boolean causedBy(String clientOrObjectId) {
        return caller.is(clientOrObjectId);
    }
}
