package com.baselineguard.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;

/**
 * Parses JSON as RFC 8259 defines it. Gson's default parser is lenient (unquoted names, comments,
 * trailing content); input that is not JSON must be refused with a clear message instead. On top of
 * Gson's strict mode (which refuses unescaped control characters in strings), duplicate member names
 * and nesting deeper than {@link #MAX_DEPTH} are refused.
 *
 * <p>{@link #parse} reads a whole text; {@link #reader} and {@link #read} read one value at a time
 * from a stream, so that a large document can be read item by item with the same checks.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** Deeper than any ARM resource or event; deeper input is refused, not parsed recursively. */
    static final int MAX_DEPTH = 128;

    /**
     * Told about each member of the objects {@link #read} builds, once its value has been read (the
     * reader then stands just past the value, so its position is the value's).
     */
    @FunctionalInterface
    public interface MemberObserver {
        /** {@code depth} is the depth of the object holding the member (0 for the document's root). */
        void member(int depth, String name, JsonElement value, JsonReader reader);

        MemberObserver NONE = (depth, name, value, reader) -> { };
    }

    /**
     * @throws IllegalArgumentException with the parser's message (line and column) when {@code text}
     *     is not one JSON value
     */
    public static JsonElement parse(String text) {
        try {
            JsonReader reader = reader(new StringReader(text));
            // A whole text is refused at its first problem; nothing after it is needed.
            JsonElement root = read(reader, 0, MemberObserver.NONE, null);
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

    /** A Gson reader in strict mode over {@code in}; read its values with {@link #read}. */
    public static JsonReader reader(Reader in) {
        JsonReader reader = new JsonReader(in);
        reader.setStrictness(Strictness.STRICT);
        return reader;
    }

    /**
     * Reads the next value of a stream opened with {@link #reader}. The value is always consumed
     * whole, also when it is refused for a duplicate member or its depth, so that the caller can go on
     * to the next value of the stream.
     *
     * @param depth the value's depth in its document (0 for the root), so that the nesting limit counts
     *     from the document's root however the caller walked down to the value
     * @throws IOException when the stream is not JSON (Gson's message names line and column); the
     *     stream cannot be read further
     * @throws IllegalArgumentException for the first duplicate member name or nesting deeper than the
     *     limit, once the value has been consumed
     */
    public static JsonElement read(JsonReader reader, int depth, MemberObserver observer) throws IOException {
        String[] problem = new String[1];
        JsonElement value = read(reader, depth, observer, problem);
        if (problem[0] != null) {
            throw new IllegalArgumentException(problem[0]);
        }
        return value;
    }

    /** With {@code problem} null, throws at the first problem; otherwise notes it there and reads on. */
    private static JsonElement read(JsonReader reader, int depth, MemberObserver observer, String[] problem)
            throws IOException {
        if (depth > MAX_DEPTH) {
            refuse(problem, "nested deeper than " + MAX_DEPTH + " levels");
            reader.skipValue();
            return JsonNull.INSTANCE;
        }
        switch (reader.peek()) {
            case BEGIN_OBJECT -> {
                JsonObject object = new JsonObject();
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    if (object.has(name)) {
                        // The last would silently win.
                        refuse(problem, "duplicate member \"" + name + "\" at " + reader.getPath());
                        reader.skipValue();
                        continue;
                    }
                    JsonElement value = read(reader, depth + 1, observer, problem);
                    object.add(name, value);
                    observer.member(depth, name, value, reader);
                }
                reader.endObject();
                return object;
            }
            case BEGIN_ARRAY -> {
                JsonArray array = new JsonArray();
                reader.beginArray();
                while (reader.hasNext()) {
                    array.add(read(reader, depth + 1, observer, problem));
                }
                reader.endArray();
                return array;
            }
            case STRING -> {
                return new JsonPrimitive(reader.nextString());
            }
            case BOOLEAN -> {
                return new JsonPrimitive(reader.nextBoolean());
            }
            case NULL -> {
                reader.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> {
                // Numbers keep Gson's own representation (lazily parsed), as the tree parser makes them.
                return JsonParser.parseReader(reader);
            }
        }
    }

    private static void refuse(String[] problem, String message) {
        if (problem == null) {
            throw new IllegalArgumentException(message);
        }
        if (problem[0] == null) {
            problem[0] = message;
        }
    }

    /** The message of a parse failure on one line, without Gson's troubleshooting link. */
    public static String message(Throwable e) {
        Throwable cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        int see = message.indexOf("\nSee https://");
        return (see >= 0 ? message.substring(0, see) : message).replace('\n', ' ');
    }
}
