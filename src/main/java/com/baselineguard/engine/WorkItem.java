package com.baselineguard.engine;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.util.Optional;

/**
 * One unit of remediation work for one resource: what a queue message carries between invocations.
 *
 * @param resourceId the resource to (re)evaluate
 * @param trigger what started the chain of work (the first invocation's trigger)
 * @param eventId the Event Grid event id, when an event started it
 * @param correlationId ties every invocation of one chain together (the event's ARM correlation id, or new)
 * @param dryRun plan and report but never write
 * @param attempt how many invocations of this chain have run before this one
 * @param notBefore do not act before this instant (waits out a long-running operation)
 */
public record WorkItem(String resourceId, Trigger trigger, Optional<String> eventId, String correlationId,
        boolean dryRun, int attempt, Instant notBefore) {

    /** The follow-up of this item: one more attempt, due after {@code delay}. */
    public WorkItem next(Instant now, java.time.Duration delay) {
        return new WorkItem(resourceId, trigger, eventId, correlationId, dryRun, attempt + 1, now.plus(delay));
    }

    /**
     * This item as delivered for the {@code dequeueCount}-th time by the queue: each earlier delivery
     * was an attempt.
     */
    public WorkItem redelivered(long dequeueCount) {
        int extra = (int) Math.max(0, Math.min(Integer.MAX_VALUE - attempt, dequeueCount - 1));
        return new WorkItem(resourceId, trigger, eventId, correlationId, dryRun, attempt + extra, notBefore);
    }

    /** A stand-in item for a queue message that is not a work item, so its outcome can still be recorded. */
    public static WorkItem unreadable(String message) {
        String shown = message == null ? "" : message.length() > 200 ? message.substring(0, 200) + "..." : message;
        return new WorkItem(shown, Trigger.DEFERRED, Optional.empty(), "", true, 0, Instant.EPOCH);
    }

    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("resourceId", resourceId);
        o.addProperty("trigger", trigger.label());
        eventId.ifPresent(id -> o.addProperty("eventId", id));
        o.addProperty("correlationId", correlationId);
        o.addProperty("dryRun", dryRun);
        o.addProperty("attempt", attempt);
        o.addProperty("notBefore", notBefore.toString());
        return o.toString();
    }

    /**
     * @throws IllegalArgumentException naming what is wrong with the message
     */
    public static WorkItem fromJson(String json) {
        JsonObject o;
        try {
            JsonElement parsed = JsonParser.parseString(json);
            if (!parsed.isJsonObject()) {
                throw new IllegalArgumentException("a work item must be a JSON object");
            }
            o = parsed.getAsJsonObject();
            Trigger trigger = Trigger.valueOf(o.get("trigger").getAsString().toUpperCase(java.util.Locale.ROOT));
            return new WorkItem(o.get("resourceId").getAsString(), trigger,
                    Optional.ofNullable(o.get("eventId")).filter(JsonElement::isJsonPrimitive).map(JsonElement::getAsString),
                    o.get("correlationId").getAsString(), o.get("dryRun").getAsBoolean(), o.get("attempt").getAsInt(),
                    Instant.parse(o.get("notBefore").getAsString()));
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a work item: " + e.getMessage(), e);
        }
    }
}
