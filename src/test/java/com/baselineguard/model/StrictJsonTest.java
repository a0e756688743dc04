package com.baselineguard.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading one value at a time: a refused value is consumed whole, so the stream goes on. */
class StrictJsonTest {

    @Test
    void aValueRefusedForADuplicateMemberOrItsDepthIsConsumedAndTheNextIsRead() throws IOException {
        String deep = "[".repeat(StrictJson.MAX_DEPTH + 5) + "]".repeat(StrictJson.MAX_DEPTH + 5);
        JsonReader reader = StrictJson.reader(new StringReader("[{\"a\": 1, \"a\": {\"b\": [2]}}, " + deep + ", {\"c\": 3}]"));
        reader.beginArray();
        List<String> seen = new ArrayList<>();
        while (reader.hasNext()) {
            try {
                seen.add(StrictJson.read(reader, 1, StrictJson.MemberObserver.NONE).toString());
            } catch (IllegalArgumentException e) {
                seen.add("refused: " + e.getMessage());
            }
        }
        reader.endArray();
        assertEquals(JsonToken.END_DOCUMENT, reader.peek());
        assertEquals(List.of("refused: duplicate member \"a\" at $[0].a", "refused: nested deeper than 128 levels", "{\"c\":3}"), seen);
    }

    @Test
    void theDepthCountsFromTheDocumentsRoot() throws IOException {
        String value = "[".repeat(100) + "]".repeat(100);
        assertEquals(JsonParser.parseString(value), StrictJson.read(StrictJson.reader(new StringReader(value)), 2,
                StrictJson.MemberObserver.NONE));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StrictJson.read(StrictJson.reader(new StringReader(value)), 40, StrictJson.MemberObserver.NONE));
        assertTrue(e.getMessage().startsWith("nested deeper"), e.getMessage());
    }

    @Test
    void theObserverIsToldEachMemberWithItsDepthOnceItsValueIsRead() throws IOException {
        List<String> members = new ArrayList<>();
        JsonElement read = StrictJson.read(StrictJson.reader(new StringReader("{\"id\": \"x\",\n \"p\": {\"id\": 1}}")), 0,
                (depth, name, value, reader) -> members.add(depth + " " + name + "=" + value));
        assertEquals(List.of("0 id=\"x\"", "1 id=1", "0 p={\"id\":1}"), members);
        assertEquals(JsonParser.parseString("{\"id\": \"x\", \"p\": {\"id\": 1}}"), read);
    }

    @Test
    void aWholeTextIsStillRefusedAtItsFirstProblem() {
        assertThrows(IllegalArgumentException.class, () -> StrictJson.parse("{\"a\": 1, \"a\": 2}"));
        assertThrows(IllegalArgumentException.class, () -> StrictJson.parse("{\"a\": \"b\u0001\"}"));
        assertThrows(IllegalArgumentException.class, () -> StrictJson.parse("{} {}"));
        assertEquals("nested deeper than 128 levels", assertThrows(IllegalArgumentException.class,
                () -> StrictJson.parse("[".repeat(5_000) + "]".repeat(5_000))).getMessage());
    }
}
