package com.baselineguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link JsonText} must write what Gson's {@link JsonWriter} writes with the reports' settings, character
 * for character: the reports' bytes are a contract (the golden files, scripts that diff them). Each case
 * writes the same values through both, indented and compact.
 */
class JsonTextTest {

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void everyCharacterIsEscapedAsGsonEscapesIt(boolean pretty) throws IOException {
        // All of UTF-16 in chunks, each as a member name and as a value (lone surrogates included: Gson
        // writes them as they are, and so must this).
        JsonObject tree = new JsonObject();
        StringBuilder chunk = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++) {
            chunk.append((char) c);
            if (chunk.length() == 97 || c == 0xFFFF) {
                tree.addProperty(chunk.toString(), "x" + chunk + "y");
                chunk.setLength(0);
            }
        }
        for (String s : new String[] {"", "\"", "\\", "\u2028", "a\u2029b", "\u0000\u001f\u007f", "tab\there", "é€😀"}) {
            tree.addProperty("k" + s, s);
        }
        assertEquals(gson(tree, pretty, 0), walked(tree, pretty, 0));
        assertEquals(gson(tree, pretty, 0), asTree(tree, pretty, 0));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void structuresAsGsonLaysThemOut(boolean pretty) throws IOException {
        JsonElement tree = JsonParser.parseString("""
                {"a": [], "b": {}, "c": [[], {}, [1, 2.50, -3e7, 1E+2], {"x": null, "y": [null, true, false]}],
                 "d": {"e": {"f": {"g": [{"h": "i"}]}}}, "n": 12345678901234567890, "s": "line\\nbreak"}""");
        assertEquals(gson(tree, pretty, 0), walked(tree, pretty, 0));
        assertEquals(gson(tree, pretty, 0), asTree(tree, pretty, 0));
        // Trees written where they stand: inside an array, as a member's value, several levels down.
        for (int depth = 1; depth <= 4; depth++) {
            assertEquals(gson(tree, pretty, depth), walked(tree, pretty, depth), "depth " + depth);
            assertEquals(gson(tree, pretty, depth), asTree(tree, pretty, depth), "depth " + depth);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void randomTreesAsGsonWritesThem(boolean pretty) throws IOException {
        Random random = new Random(15);
        for (int i = 0; i < 300; i++) {
            JsonElement tree = random(random, 0);
            int depth = random.nextInt(4);
            assertEquals(gson(tree, pretty, depth), walked(tree, pretty, depth), tree.toString());
            assertEquals(gson(tree, pretty, depth), asTree(tree, pretty, depth), tree.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void oneValueAfterAnotherAsJsonLinesWritesThem(boolean pretty) throws IOException {
        StringWriter expected = new StringWriter();
        JsonWriter gson = writer(expected, pretty);
        gson.setStrictness(Strictness.LENIENT);
        JsonText text = new JsonText(new ByteText(64), pretty);
        for (int i = 0; i < 3; i++) {
            gson.beginObject().name("record").value("resource").name("line").value(i).endObject();
            expected.write('\n');
            text.startAt(0).beginObject().name("record").value("resource").name("line").value(i).endObject();
            text.text().append('\n');
        }
        assertEquals(expected.toString(), utf8(text.text()));
    }

    /**
     * The text's bytes read back as the output's reader sees them. Gson's text is compared as the
     * standard output's UTF-8 writer encodes it (a lone surrogate becomes '?', as in the bytes here).
     */
    private static String utf8(ByteText text) {
        return new String(java.util.Arrays.copyOf(text.bytes(), text.size()), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String encoded(String text) {
        return new String(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Gson's text for {@code tree} as the last element of {@code depth} nested arrays (each holding a 0 before it). */
    private static String gson(JsonElement tree, boolean pretty, int depth) throws IOException {
        StringWriter text = new StringWriter();
        JsonWriter json = writer(text, pretty);
        for (int i = 0; i < depth; i++) {
            json.beginArray().value(0);
        }
        ReportWriter.write(json, tree, true);
        for (int i = 0; i < depth; i++) {
            json.endArray();
        }
        return encoded(text.toString());
    }

    private static JsonWriter writer(StringWriter text, boolean pretty) {
        JsonWriter json = new JsonWriter(text);
        if (pretty) {
            json.setIndent("  ");
        }
        json.setHtmlSafe(false);
        json.setSerializeNulls(true);
        return json;
    }

    /** The same through JsonText's own tokens. */
    private static String walked(JsonElement tree, boolean pretty, int depth) {
        JsonText text = new JsonText(new ByteText(64), pretty);
        for (int i = 0; i < depth; i++) {
            text.beginArray().value(0);
        }
        walk(text, tree);
        for (int i = 0; i < depth; i++) {
            text.endArray();
        }
        return utf8(text.text());
    }

    /** The same through {@link JsonText#tree}. */
    private static String asTree(JsonElement tree, boolean pretty, int depth) {
        JsonText text = new JsonText(new ByteText(64), pretty);
        for (int i = 0; i < depth; i++) {
            text.beginArray().value(0);
        }
        text.tree(tree, true);
        for (int i = 0; i < depth; i++) {
            text.endArray();
        }
        return utf8(text.text());
    }

    private static void walk(JsonText text, JsonElement e) {
        if (e.isJsonNull()) {
            text.nullValue();
        } else if (e.isJsonPrimitive()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (p.isBoolean()) {
                text.value(p.getAsBoolean());
            } else if (p.isString()) {
                text.value(p.getAsString());
            } else {
                // Numbers on this path are whole (step numbers, lines); others go through tree().
                text.tree(p, true);
            }
        } else if (e.isJsonArray()) {
            text.beginArray();
            e.getAsJsonArray().forEach(x -> walk(text, x));
            text.endArray();
        } else {
            text.beginObject();
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                text.name(m.getKey());
                walk(text, m.getValue());
            }
            text.endObject();
        }
    }

    private static JsonElement random(Random random, int level) {
        int kind = random.nextInt(level > 4 ? 4 : 7);
        switch (kind) {
            case 0:
                return JsonNull.INSTANCE;
            case 1:
                return new JsonPrimitive(random.nextBoolean());
            case 2:
                return new JsonPrimitive(random.nextInt(1000) - 500);
            case 3:
                return new JsonPrimitive(randomString(random));
            case 4:
            case 5: {
                JsonObject o = new JsonObject();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    o.add(randomString(random) + i, random(random, level + 1));
                }
                return o;
            }
            default: {
                JsonArray a = new JsonArray();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    a.add(random(random, level + 1));
                }
                return a;
            }
        }
    }

    private static String randomString(Random random) {
        String alphabet = "ab \"\\\n\t/\u2028é<>&='\u0001";
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
