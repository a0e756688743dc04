package com.baselineguard.rules.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void displayQuotesPrimitivesExactlyAsGsonWritesThem() {
        List<JsonElement> values = List.of(new JsonPrimitive("1.2"), new JsonPrimitive("Enabled"), new JsonPrimitive(""),
                new JsonPrimitive(true), new JsonPrimitive(false), new JsonPrimitive(3), new JsonPrimitive(2.5),
                new JsonPrimitive("say \"hi\""), new JsonPrimitive("back\\slash"), new JsonPrimitive("tab\there"),
                new JsonPrimitive("line\u2028separator"), new JsonPrimitive("<html>&'="), new JsonPrimitive("日本語"),
                JsonParser.parseString("12345678901234567890"), JsonParser.parseString("\"from text\""));
        for (JsonElement value : values) {
            assertEquals(value.toString(), Values.display(value), "display of " + value);
        }
    }

    @Test
    void displayShortensLongValuesAndNamesMissingOnes() {
        String longText = "x".repeat(200);
        assertEquals("\"" + "x".repeat(116) + "...", Values.display(new JsonPrimitive(longText)));
        assertEquals("not set", Values.display(JsonNull.INSTANCE));
        assertEquals("not set", Values.display(null));
        assertEquals("{\"a\":[1,2]}", Values.display(JsonParser.parseString("{\"a\": [1, 2]}")));
    }
}
