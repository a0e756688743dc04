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
 * @param refusedRules rules whose plan step ARM refused (400) earlier in this chain: not sent again; the
 *     plan's independent later steps still are (see StepIndependence)
 */
public record WorkItem(String resourceId, Trigger trigger, Optional<String> eventId, String correlationId,
        boolean dryRun, int attempt, Instant notBefore, java.util.Set<String> refusedRules) {

    public WorkItem {
        refusedRules = java.util.Set.copyOf(new java.util.TreeSet<>(refusedRules));
    }

    public WorkItem(String resourceId, Trigger trigger, Optional<String> eventId, String correlationId,
            boolean dryRun, int attempt, Instant notBefore) {
        this(resourceId, trigger, eventId, correlationId, dryRun, attempt, notBefore, java.util.Set.of());
    }

    /** The follow-up of this item: one more attempt, due after {@code delay}. */
    public WorkItem next(Instant now, java.time.Duration delay) {
        return new WorkItem(resourceId, trigger, eventId, correlationId, dryRun, attempt + 1, now.plus(delay),
                refusedRules);
    }

    /** This item with more rules whose step ARM refused. */
    public WorkItem refusing(java.util.Collection<String> ruleIds) {
        java.util.Set<String> all = new java.util.TreeSet<>(refusedRules);
        all.addAll(ruleIds);
        return new WorkItem(resourceId, trigger, eventId, correlationId, dryRun, attempt, notBefore, all);
    }

    /**
     * This item as delivered for the {@code dequeueCount}-th time by the queue: each earlier delivery
     * was an attempt.
     */
    public WorkItem redelivered(long dequeueCount) {
        int extra = (int) Math.max(0, Math.min(Integer.MAX_VALUE - attempt, dequeueCount - 1));
        return new WorkItem(resourceId, trigger, eventId, correlationId, dryRun, attempt + extra, notBefore,
                refusedRules);
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
        if (!refusedRules.isEmpty()) {
            com.google.gson.JsonArray refused = new com.google.gson.JsonArray();
            new java.util.TreeSet<>(refusedRules).forEach(refused::add);
            o.add("refusedRules", refused);
        }
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
            int attempt = o.get("attempt").getAsInt();
            if (attempt < 0) {
                throw new IllegalArgumentException("attempt must not be negative: " + attempt);
            }
            java.util.Set<String> refused = new java.util.TreeSet<>();
            JsonElement refusedRules = o.get("refusedRules");
            if (refusedRules != null && !refusedRules.isJsonNull()) {
                refusedRules.getAsJsonArray().forEach(r -> refused.add(r.getAsString()));
            }
            return new WorkItem(o.get("resourceId").getAsString(), trigger,
                    Optional.ofNullable(o.get("eventId")).filter(JsonElement::isJsonPrimitive).map(JsonElement::getAsString),
                    o.get("correlationId").getAsString(), o.get("dryRun").getAsBoolean(), attempt,
                    Instant.parse(o.get("notBefore").getAsString()), refused);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a work item: " + e.getMessage(), e);
        }
    }
}
