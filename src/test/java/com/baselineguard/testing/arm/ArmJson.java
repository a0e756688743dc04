package com.baselineguard.testing.arm;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** JSON as ARM treats it: member names compared without case, PATCH as a merge, the error envelope. */
final class ArmJson {

    private ArmJson() {
    }

    /** The member name in {@code object} that equals {@code name} ignoring case. */
    static Optional<String> memberName(JsonObject object, String name) {
        return object.keySet().stream().filter(name::equalsIgnoreCase).findFirst();
    }

    /** The member {@code name} (ignoring case), or null. */
    static JsonElement member(JsonObject object, String name) {
        return memberName(object, name).map(object::get).orElse(null);
    }

    /** The member {@code name} as a string (ignoring case), or null. */
    static String string(JsonObject object, String name) {
        JsonElement value = member(object, name);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }

    /** The object member {@code name}, created under that name if absent. */
    static JsonObject objectMember(JsonObject object, String name) {
        JsonElement value = member(object, name);
        if (value != null && value.isJsonObject()) {
            return value.getAsJsonObject();
        }
        JsonObject created = new JsonObject();
        object.add(memberName(object, name).orElse(name), created);
        return created;
    }

    /**
     * Merges {@code patch} into {@code target} the way ARM applies a PATCH: objects member by
     * member, arrays and values replaced, null removes, names matched without case (the stored
     * spelling is kept).
     */
    static void merge(JsonObject target, JsonObject patch) {
        for (Map.Entry<String, JsonElement> entry : patch.entrySet()) {
            String name = memberName(target, entry.getKey()).orElse(entry.getKey());
            JsonElement value = entry.getValue();
            JsonElement current = target.get(name);
            if (value.isJsonNull()) {
                target.remove(name);
            } else if (value.isJsonObject() && current != null && current.isJsonObject()) {
                merge(current.getAsJsonObject(), value.getAsJsonObject());
            } else {
                target.add(name, value.deepCopy());
            }
        }
    }

    static void setProvisioningState(JsonObject resource, String state) {
        JsonObject properties = objectMember(resource, "properties");
        properties.addProperty(memberName(properties, "provisioningState").orElse("provisioningState"), state);
    }

    /** The ARM error envelope {@code {"error":{"code","message"}}}. */
    static JsonObject error(String code, String message) {
        JsonObject error = new JsonObject();
        error.addProperty("code", code);
        error.addProperty("message", message);
        JsonObject envelope = new JsonObject();
        envelope.add("error", error);
        return envelope;
    }

    /** The ARM error envelope with a {@code target} member (null is written as JSON null, as the Redis RP does). */
    static JsonObject error(String code, String message, String target) {
        JsonObject envelope = error(code, message);
        envelope.getAsJsonObject("error").add("target", target == null ? JsonNull.INSTANCE : new JsonPrimitive(target));
        return envelope;
    }

    /** An ARM list: {@code {"value":[...]}}. */
    static JsonObject valueList(List<JsonObject> items) {
        JsonArray value = new JsonArray();
        items.forEach(value::add);
        JsonObject list = new JsonObject();
        list.add("value", value);
        return list;
    }
}
