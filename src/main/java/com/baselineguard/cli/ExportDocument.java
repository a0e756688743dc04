package com.baselineguard.cli;

import com.baselineguard.model.StrictJson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;

/**
 * Walks one input item by item without holding more than one item: a JSON document (one resource,
 * an array, an ARM list {@code {"value": [...]}}, Resource Graph output {@code {"data": [...]}}, a
 * snapshot envelope) or JSON Lines (one such document per line).
 *
 * <p>What makes the whole input unusable (unreadable, not UTF-8, not JSON, not one of the shapes)
 * is thrown as {@link Unusable}. A problem inside one item is that item's problem only: the walker
 * hands every item over, and {@link StrictJson#read} consumes a bad item whole, so the next item is
 * read normally. In JSON Lines each line is a document of its own, so a bad line is a problem of
 * that line ({@link Items#badLine}).
 */
final class ExportDocument {

    /** One item larger than this (in characters) is refused rather than read into memory. */
    static final long MAX_ITEM_CHARS = 64L << 20;
    /** How far into a {@code .json} input the JSON Lines sniff looks. */
    private static final int SNIFF_CHARS = 1 << 20;

    private ExportDocument() {
    }

    /** A problem that makes a whole input unusable; nothing of that input is evaluated. */
    static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Where an item is: its line in a JSON Lines input (0 in a JSON document) and its 1-based
     * position in a list (0 for a document or line that is one object).
     */
    record Position(int jsonLine, int ordinal) {
        /** The prefix of an item's error message: {@code "item 2: "}, {@code "line 7: "}, or nothing. */
        String where() {
            return (jsonLine > 0 ? "line " + jsonLine + ": " : "") + (ordinal > 0 ? "item " + ordinal + ": " : "");
        }

        /** What to add to a line number counted within the item's document to get the line in the input. */
        int lineOffset() {
            return jsonLine > 0 ? jsonLine - 1 : 0;
        }
    }

    /** What the walker hands over. */
    interface Items {
        /**
         * An item of a list; {@code reader} stands at its value, which must be consumed whole
         * ({@link StrictJson#read} or {@link JsonReader#skipValue}). {@code depth} is its depth in the document.
         */
        void streamed(JsonReader reader, int depth, Position position) throws IOException;

        /** A document (or line) that is one object, read whole; {@code idLine} as {@link ItemIdLine#line}. */
        void whole(JsonObject item, int idLine, Position position);

        /** A line of a JSON Lines input that is not usable on its own. */
        void badLine(Position position, String message);
    }

    /**
     * Whether an input is JSON Lines: by its name ({@code .jsonl}, {@code .ndjson}), else when its
     * first line is on its own one JSON object or array and more follows (a pretty-printed document's
     * first line is never complete, and a one-line document has nothing after it).
     */
    static boolean isJsonLines(ExportInputs.Input input) throws Unusable {
        if (input.jsonLinesByName()) {
            return true;
        }
        try (InputStream bytes = Files.newInputStream(input.file());
                BufferedReader chars = new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()),
                        1 << 16)) {
            return looksLikeJsonLines(chars);
        } catch (IOException e) {
            throw unusable(e);
        }
    }

    /** Walks {@code input}, handing each item to {@code items}. */
    static void walk(ExportInputs.Input input, boolean jsonLines, Items items) throws Unusable {
        try (InputStream bytes = Files.newInputStream(input.file());
                ItemSizeGuard guard = new ItemSizeGuard(new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()));
                BufferedReader chars = new BufferedReader(guard, 1 << 16)) {
            if (jsonLines) {
                guard.lines();
                walkLines(chars, items);
            } else {
                JsonReader reader = StrictJson.reader(chars);
                reader.setNestingLimit(NESTING_LIMIT);
                walkDocument(reader, guard, items, 0);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw unusable(e);
        }
    }

    private static Unusable unusable(Exception e) {
        if (e instanceof CharacterCodingException) {
            return new Unusable("not UTF-8 text");
        }
        if (e instanceof ItemSizeGuard.TooLarge) {
            return new Unusable(e.getMessage());
        }
        if (e instanceof MalformedJsonException || e instanceof EOFException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException) {
            return new Unusable("not valid JSON: " + StrictJson.message(e));
        }
        return new Unusable("cannot read: " + e.getMessage());
    }

    /** Gson refuses nesting past this even while skipping; {@link StrictJson} refuses far less deep items itself. */
    private static final int NESTING_LIMIT = 10_000;

    private static void startItem(ItemSizeGuard guard) {
        if (guard != null) {
            guard.startItem();
        }
    }

    private static void walkDocument(JsonReader reader, ItemSizeGuard guard, Items items, int jsonLine)
            throws IOException, Unusable {
        JsonToken root = reader.peek();
        if (root == JsonToken.BEGIN_ARRAY) {
            reader.beginArray();
            int ordinal = 0;
            while (reader.hasNext()) {
                startItem(guard);
                items.streamed(reader, 1, new Position(jsonLine, ++ordinal));
            }
            reader.endArray();
        } else if (root == JsonToken.BEGIN_OBJECT) {
            walkObject(reader, guard, items, jsonLine);
        } else {
            throw new Unusable("expected an ARM resource, an array of them, an ARM list response"
                    + " ({\"value\": [...]}) or Resource Graph output ({\"data\": [...]})");
        }
        if (reader.peek() != JsonToken.END_DOCUMENT) {
            throw new Unusable("not valid JSON: unexpected content after the JSON value");
        }
    }

    /**
     * A root object is a list when it has a {@code value} or {@code data} array (ARM list response,
     * Resource Graph output; the other members, such as {@code nextLink} or {@code count}, are read and
     * set aside), otherwise it is one item. Members before the list are kept until it is clear which.
     */
    private static void walkObject(JsonReader reader, ItemSizeGuard guard, Items items, int jsonLine)
            throws IOException, Unusable {
        startItem(guard);
        ItemIdLine idLine = new ItemIdLine(0, jsonLine > 0 ? jsonLine - 1 : 0);
        JsonObject whole = new JsonObject();
        Set<String> names = new HashSet<>();
        String list = null;
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            if (!names.add(name)) {
                throw new Unusable("not valid JSON: duplicate member \"" + name + "\" at " + reader.getPath());
            }
            if ((name.equals("value") || name.equals("data")) && reader.peek() == JsonToken.BEGIN_ARRAY) {
                if (list != null) {
                    throw new Unusable("has both a \"" + list + "\" and a \"" + name + "\" list; expected one");
                }
                list = name;
                whole = null;
                reader.beginArray();
                int ordinal = 0;
                while (reader.hasNext()) {
                    startItem(guard);
                    items.streamed(reader, 2, new Position(jsonLine, ++ordinal));
                }
                reader.endArray();
            } else {
                JsonElement value = StrictJson.read(reader, 1, whole == null ? StrictJson.MemberObserver.NONE : idLine);
                if (whole != null) {
                    whole.add(name, value);
                    idLine.member(0, name, value, reader);
                }
            }
        }
        reader.endObject();
        if (whole != null) {
            items.whole(whole, idLine.line(), new Position(jsonLine, 0));
        }
    }

    private static void walkLines(Reader chars, Items items) throws IOException {
        char[] buffer = new char[1 << 16];
        Line line = new Line();
        int n;
        while ((n = chars.read(buffer)) != -1) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    line.append(buffer, start, i - start);
                    line.end(items);
                    start = i + 1;
                }
            }
            line.append(buffer, start, n - start);
        }
        if (line.pending()) {
            line.end(items);
        }
    }

    /** The line being assembled from the chunks read. */
    private static final class Line {
        private final StringBuilder text = new StringBuilder();
        private boolean tooLong;
        private int number;

        void append(char[] chars, int offset, int length) {
            if (tooLong || text.length() + (long) length > MAX_ITEM_CHARS) {
                tooLong = true;
                text.setLength(0);
            } else {
                text.append(chars, offset, length);
            }
        }

        boolean pending() {
            return tooLong || text.length() > 0;
        }

        void end(Items items) {
            number++;
            if (tooLong) {
                items.badLine(new Position(number, 0), "longer than " + (MAX_ITEM_CHARS >> 20) + " MiB");
            } else if (!text.toString().isBlank()) {
                walkLine(text.toString(), number, items);
            }
            text.setLength(0);
            tooLong = false;
        }
    }

    /** One line of a JSON Lines input, numbered {@code number}. */
    static void walkLine(String line, int number, Items items) {
        Position position = new Position(number, 0);
        try {
            JsonReader reader = StrictJson.reader(new StringReader(line));
            reader.setNestingLimit(NESTING_LIMIT);
            walkDocument(reader, null, items, number);
        } catch (Unusable e) {
            items.badLine(position, e.getMessage());
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            items.badLine(position, "not valid JSON: " + StrictJson.message(e));
        }
    }

    private static boolean looksLikeJsonLines(BufferedReader in) throws IOException {
        in.mark(SNIFF_CHARS + 1);
        try {
            StringBuilder first = new StringBuilder();
            int c;
            int read = 0;
            while ((c = in.read()) != -1 && c != '\n') {
                if (++read >= SNIFF_CHARS) {
                    return false;
                }
                first.append((char) c);
            }
            if (c == -1 || first.toString().isBlank()) {
                return false;
            }
            boolean more = false;
            while ((c = in.read()) != -1 && ++read < SNIFF_CHARS) {
                if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                    more = true;
                    break;
                }
            }
            if (!more) {
                return false;
            }
            try {
                JsonElement value = StrictJson.parse(first.toString());
                return value.isJsonObject() || value.isJsonArray();
            } catch (IllegalArgumentException e) {
                return false;
            }
        } finally {
            in.reset();
        }
    }

}
