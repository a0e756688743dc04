package com.baselineguard.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;

/**
 * Parses JSON as RFC 8259 defines it. Gson's default parser is lenient (unquoted names, comments,
 * trailing content); input that is not JSON must be refused with a clear message instead.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /**
     * @throws IllegalArgumentException with the parser's message (line and column) when {@code text}
     *     is not one JSON value
     */
    public static JsonElement parse(String text) {
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            JsonElement root = read(reader, 0);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException("unexpected content after the JSON value");
            }
            return root;
        } catch (IOException e) {
            throw new IllegalArgumentException(message(e), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(message(e), e);
        } catch (StackOverflowError e) {
            throw new IllegalArgumentException("nested too deeply", e);
        }
    }

    /** Deeper than any ARM resource or event; deeper input is refused, not parsed recursively. */
    static final int MAX_DEPTH = 128;

    /** Gson's tree reader, refusing duplicate member names (the last would silently win). */
    private static JsonElement read(JsonReader reader, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("nested deeper than " + MAX_DEPTH + " levels");
        }
        switch (reader.peek()) {
            case BEGIN_OBJECT -> {
                com.google.gson.JsonObject object = new com.google.gson.JsonObject();
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    if (object.has(name)) {
                        throw new IllegalArgumentException("duplicate member \"" + name + "\" at " + reader.getPath());
                    }
                    object.add(name, read(reader, depth + 1));
                }
                reader.endObject();
                return object;
            }
            case BEGIN_ARRAY -> {
                com.google.gson.JsonArray array = new com.google.gson.JsonArray();
                reader.beginArray();
                while (reader.hasNext()) {
                    array.add(read(reader, depth + 1));
                }
                reader.endArray();
                return array;
            }
            default -> {
                return JsonParser.parseReader(reader);
            }
        }
    }

    private static String message(Throwable e) {
        Throwable cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        int see = message.indexOf("\nSee https://");
        return (see >= 0 ? message.substring(0, see) : message).replace('\n', ' ');
    }
}
