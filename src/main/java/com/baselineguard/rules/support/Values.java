package com.baselineguard.rules.support;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.util.Locale;

/**
 * Comparisons that follow how ARM really returns values: booleans sometimes as strings
 * ({@code redisConfiguration} values are always strings: "true", "True"), enum-like strings in any
 * casing.
 */
public final class Values {

    private Values() {
    }

    /** True for JSON {@code true} and for the string "true" in any casing. */
    public static boolean isTrue(JsonElement value) {
        return value != null && value.isJsonPrimitive() && "true".equalsIgnoreCase(value.getAsString());
    }

    /** True for JSON {@code false} and for the string "false" in any casing. */
    public static boolean isFalse(JsonElement value) {
        return value != null && value.isJsonPrimitive() && "false".equalsIgnoreCase(value.getAsString());
    }

    /** True when {@code value} is a primitive whose text equals {@code expected}, ignoring case. */
    public static boolean textEquals(JsonElement value, String expected) {
        return value != null && value.isJsonPrimitive() && expected.equalsIgnoreCase(value.getAsString().trim());
    }

    /** The text of a primitive, lower-cased; empty for anything else. */
    public static String lowerText(JsonElement value) {
        return value != null && value.isJsonPrimitive() ? value.getAsString().trim().toLowerCase(Locale.ROOT) : "";
    }

    /** How a value appears in a reason: JSON text, {@code not set} for null. */
    public static String display(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return "not set";
        }
        String json = value.isJsonPrimitive() ? primitiveJson(value.getAsJsonPrimitive()) : value.toString();
        return json.length() <= 120 ? json : json.substring(0, 117) + "...";
    }

    /**
     * The JSON text of a primitive, as {@link JsonElement#toString} writes it, without building a JSON
     * writer for the common case: every rule quotes the value it read in its reason.
     */
    private static String primitiveJson(JsonPrimitive primitive) {
        if (primitive.isBoolean()) {
            return primitive.getAsBoolean() ? "true" : "false";
        }
        if (primitive.isString()) {
            String text = primitive.getAsString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029') {
                    return primitive.toString();
                }
            }
            return '"' + text + '"';
        }
        return primitive.toString();
    }

    public static JsonPrimitive string(String value) {
        return new JsonPrimitive(value);
    }

    public static JsonPrimitive bool(boolean value) {
        return new JsonPrimitive(value);
    }
}
