package com.baselineguard.event;

import com.baselineguard.model.StrictJson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses an Event Grid delivery: one event object or an array of them, each in the Event Grid
 * schema or in CloudEvents 1.0 JSON (the schema is detected per event). Only the envelope fields
 * and a few {@code data} fields are read; nothing else in the payload is trusted or kept.
 *
 * <p>Input that is not such a delivery is refused with an {@link EventParseException} whose
 * one-line message names the problem and, in a batch, the event's index. No other exception
 * escapes.
 */
public final class EventParser {

    /** Event Grid caps an event at 1 MB, and a delivery batch at 1,024 KB (preferredBatchSizeInKilobytes). */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /** maxEventsPerBatch can be up to 5,000; Baseline Guard's subscription asks for 1, so 100 is already generous. */
    public static final int MAX_EVENTS = 100;

    private static final String OBJECT_ID_CLAIM = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    private EventParser() {
    }

    /**
     * @throws EventParseException naming the problem when {@code body} is not a delivery this parser accepts
     */
    public static List<ResourceChange> parse(String body) {
        try {
            return parseChecked(body);
        } catch (EventParseException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // A defect here must still surface as "this body was refused", never as a crash of the trigger.
            throw new EventParseException("event body could not be parsed: " + e.getClass().getSimpleName(), e);
        }
    }

    private static List<ResourceChange> parseChecked(String body) {
        if (body == null || body.isBlank()) {
            throw new EventParseException("event body is empty");
        }
        long bytes = utf8Length(body);
        if (bytes > MAX_BODY_BYTES) {
            throw new EventParseException("event body is too large: more than " + MAX_BODY_BYTES + " bytes");
        }
        JsonElement root;
        try {
            root = StrictJson.parse(body);
        } catch (IllegalArgumentException e) {
            throw new EventParseException("event body is not JSON: " + oneLine(e.getMessage()), e);
        }
        List<JsonElement> elements;
        boolean batch = root.isJsonArray();
        if (batch) {
            JsonArray array = root.getAsJsonArray();
            if (array.isEmpty()) {
                throw new EventParseException("event array is empty");
            }
            if (array.size() > MAX_EVENTS) {
                throw new EventParseException("event array has " + array.size() + " events; at most " + MAX_EVENTS
                        + " are accepted");
            }
            elements = array.asList();
        } else if (root.isJsonObject()) {
            elements = List.of(root);
        } else {
            throw new EventParseException("event body must be a JSON object or array, found " + describe(root));
        }
        List<ResourceChange> changes = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            String where = batch ? "event " + i + ": " : "event: ";
            changes.add(parseEvent(elements.get(i), where));
        }
        return List.copyOf(changes);
    }

    private static ResourceChange parseEvent(JsonElement element, String where) {
        if (!element.isJsonObject()) {
            throw new EventParseException(where + "must be a JSON object, found " + describe(element));
        }
        JsonObject event = element.getAsJsonObject();
        if (event.has("specversion")) {
            return cloudEvent(event, where);
        }
        if (event.has("eventType")) {
            return eventGridEvent(event, where);
        }
        for (Map.Entry<String, JsonElement> entry : event.entrySet()) {
            if (entry.getKey().equalsIgnoreCase("specversion")) {
                throw new EventParseException(where + "CloudEvents attribute '" + oneLine(entry.getKey())
                        + "' must be spelled 'specversion' (attribute names are lower case)");
            }
        }
        if (event.has("type")) {
            throw new EventParseException(where + "missing specversion (a CloudEvents 1.0 event has 'type' and 'specversion')");
        }
        throw new EventParseException(where
                + "missing eventType (Event Grid schema) or type and specversion (CloudEvents 1.0)");
    }

    private static ResourceChange eventGridEvent(JsonObject event, String where) {
        String eventType = required(event, "eventType", where);
        String id = required(event, "id", where);
        String subject = requiredAllowEmpty(event, "subject", where);
        String eventTime = required(event, "eventTime", where);
        String topic = optional(event, "topic", where);
        optional(event, "dataVersion", where);
        optional(event, "metadataVersion", where);
        JsonObject data = data(event, where);
        return change(id, eventType, EventSchema.EVENT_GRID, topic, subject, eventTime, data, where);
    }

    private static ResourceChange cloudEvent(JsonObject event, String where) {
        String specVersion = required(event, "specversion", where);
        if (!specVersion.equals("1.0")) {
            throw new EventParseException(where + "unsupported specversion '" + abbreviate(specVersion)
                    + "'; only CloudEvents 1.0 is accepted");
        }
        String type = required(event, "type", where);
        String id = required(event, "id", where);
        String source = required(event, "source", where);
        String subject = optional(event, "subject", where);
        String time = optional(event, "time", where);
        if (event.has("data_base64")) {
            throw new EventParseException(where + "data_base64 is not accepted; resource events carry JSON data");
        }
        JsonObject data = data(event, where);
        return change(id, type, EventSchema.CLOUD_EVENTS, source, subject, time, data, where);
    }

    private static ResourceChange change(String id, String eventType, EventSchema schema, String topic, String subject,
            String eventTime, JsonObject data, String where) {
        String resourceUri = optional(data, "resourceUri", where + "data.");
        return new ResourceChange(
                id,
                eventType,
                schema,
                topic,
                subject,
                eventTime,
                optional(data, "operationName", where + "data."),
                optional(data, "status", where + "data."),
                resourceUri,
                optional(data, "correlationId", where + "data."),
                optional(data, "subscriptionId", where + "data."),
                optional(data, "tenantId", where + "data."),
                caller(data, where),
                TargetResolver.resolve(resourceUri, subject));
    }

    private static Caller caller(JsonObject data, String where) {
        JsonElement claims = data.get("claims");
        if (claims == null || claims.isJsonNull()) {
            return Caller.UNKNOWN;
        }
        if (!claims.isJsonObject()) {
            throw new EventParseException(where + "data.claims must be an object, found " + describe(claims));
        }
        JsonObject object = claims.getAsJsonObject();
        String at = where + "data.claims.";
        String objectId = optional(object, OBJECT_ID_CLAIM, at);
        if (objectId.isEmpty()) {
            objectId = optional(object, "oid", at);
        }
        return new Caller(optional(object, "appid", at), optional(object, "azp", at), objectId);
    }

    private static JsonObject data(JsonObject event, String where) {
        JsonElement data = event.get("data");
        if (data == null || data.isJsonNull()) {
            throw new EventParseException(where + "data is missing");
        }
        if (!data.isJsonObject()) {
            throw new EventParseException(where + "data must be an object, found " + describe(data));
        }
        return data.getAsJsonObject();
    }

    private static String required(JsonObject object, String field, String where) {
        String value = optional(object, field, where);
        if (value.isBlank()) {
            throw new EventParseException(where + (object.has(field) && !object.get(field).isJsonNull()
                    ? field + " is empty" : "missing " + field));
        }
        return value;
    }

    private static String requiredAllowEmpty(JsonObject object, String field, String where) {
        JsonElement value = object.get(field);
        if (value == null || value.isJsonNull()) {
            throw new EventParseException(where + "missing " + field);
        }
        return optional(object, field, where);
    }

    /** The string value of {@code field}, {@code ""} when absent or null; any other type is refused. */
    private static String optional(JsonObject object, String field, String where) {
        JsonElement value = object.get(field);
        if (value == null || value.isJsonNull()) {
            return "";
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            return value.getAsString();
        }
        throw new EventParseException(where + abbreviate(field) + " must be a string, found " + describe(value));
    }

    private static String describe(JsonElement element) {
        if (element.isJsonObject()) {
            return "an object";
        }
        if (element.isJsonArray()) {
            return "an array";
        }
        if (element.isJsonNull()) {
            return "null";
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return "a boolean";
        }
        if (primitive.isNumber()) {
            return "a number";
        }
        return "a string";
    }

    private static long utf8Length(String s) {
        if (s.length() > MAX_BODY_BYTES) {
            return s.length();
        }
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static String oneLine(String message) {
        return abbreviate(message == null ? "" : message);
    }

    private static String abbreviate(String s) {
        return TargetResolver.abbreviate(s);
    }
}
