package com.baselineguard.cli;

import com.google.gson.JsonElement;
import com.google.gson.stream.JsonWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * JSON text written as UTF-8 bytes ({@link ByteText}) exactly as Gson's {@link JsonWriter} writes it
 * with the outputs' settings (no HTML escaping, nulls written, indented by two spaces or compact), for
 * the part of a report written once per resource. Gson's writer makes a {@link Writer} call per token
 * and escapes a string a character at a time, and its characters are then encoded to bytes; on a large
 * JSON report that was most of the writing thread's time. Here a string with nothing to escape (nearly
 * all of them) is copied whole, and a line break with its indentation is one copy.
 *
 * <p>Trees ({@link #tree}) are rare on this path (a plan, the summary) and are written by Gson itself,
 * indented to where they stand. {@code JsonTextTest} holds the text to Gson's, byte for byte.
 */
final class JsonText {

    /** What a byte of a string becomes, for the bytes that are not written as they are (as Gson's table). */
    private static final byte[][] ESCAPES = new byte[256][];
    private static final byte LINE_SEPARATOR_LEAD = (byte) 0xE2;
    private static final byte[] U2028 = ascii("\\u2028");
    private static final byte[] U2029 = ascii("\\u2029");

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = ascii(String.format(java.util.Locale.ROOT, "\\u%04x", c));
        }
        ESCAPES['"'] = ascii("\\\"");
        ESCAPES['\\'] = ascii("\\\\");
        ESCAPES['\t'] = ascii("\\t");
        ESCAPES['\b'] = ascii("\\b");
        ESCAPES['\n'] = ascii("\\n");
        ESCAPES['\r'] = ascii("\\r");
        ESCAPES['\f'] = ascii("\\f");
        // U+2028 and U+2029 (E2 80 A8, E2 80 A9 in UTF-8) are escaped too; their lead byte is looked at.
        ESCAPES[0xE2] = new byte[0];
    }

    private static final String INDENT = "  ";

    private final ByteText text;
    private final boolean pretty;
    private final byte[] nameSeparator;
    /** "\n" and the indentation of each depth, made as they are first needed. */
    private byte[][] lineBreaks = new byte[0][];
    /** Per open container (index = depth): whether it is an array, whether something is in it yet. */
    private boolean[] array = new boolean[16];
    private boolean[] nonEmpty = new boolean[16];
    private int depth;
    private int baseDepth;

    /** @param pretty indented by two spaces per level, as {@code setIndent("  ")}; else compact */
    JsonText(ByteText text, boolean pretty) {
        this.text = text;
        this.pretty = pretty;
        this.nameSeparator = ascii(pretty ? ": " : ":");
    }

    ByteText text() {
        return text;
    }

    /** How many containers are open. */
    int depth() {
        return depth;
    }

    /**
     * Starts a value standing inside {@code depth} containers that are written by someone else (their
     * separator before it too), so that its lines are indented as they would be there.
     */
    JsonText startAt(int depth) {
        this.depth = depth;
        this.baseDepth = depth;
        return this;
    }

    JsonText beginObject() {
        beforeValue();
        text.append('{');
        push(false);
        return this;
    }

    JsonText endObject() {
        return close('}');
    }

    JsonText beginArray() {
        beforeValue();
        text.append('[');
        push(true);
        return this;
    }

    JsonText endArray() {
        return close(']');
    }

    /** A member's name; its value must follow. */
    JsonText name(String name) {
        if (nonEmpty[depth]) {
            text.append(',');
        }
        nonEmpty[depth] = true;
        lineBreak(depth);
        string(text, name);
        text.append(nameSeparator);
        return this;
    }

    JsonText value(String value) {
        beforeValue();
        if (value == null) {
            text.append("null");
        } else {
            string(text, value);
        }
        return this;
    }

    JsonText value(boolean value) {
        beforeValue();
        text.append(value ? "true" : "false");
        return this;
    }

    JsonText value(long value) {
        beforeValue();
        text.append(value);
        return this;
    }

    JsonText nullValue() {
        beforeValue();
        text.append("null");
        return this;
    }

    /**
     * The next value, written by the caller straight into the returned text (a whole value, laid out
     * for {@link #depth()}): the separator before it is written here.
     */
    ByteText rawValue() {
        beforeValue();
        return text;
    }

    /**
     * A tree, written by Gson as {@link ReportWriter#write} writes it ({@code nulls}: members whose value
     * is null written out), indented to where it stands.
     */
    JsonText tree(JsonElement tree, boolean nulls) {
        beforeValue();
        StringBuilder chars = new StringBuilder();
        JsonWriter json = new JsonWriter(new Indented(chars, pretty ? "\n" + INDENT.repeat(depth) : "\n"));
        if (pretty) {
            json.setIndent(INDENT);
        }
        json.setHtmlSafe(false);
        json.setSerializeNulls(true);
        ReportWriter.write(json, tree, nulls);
        text.append(chars);
        return this;
    }

    /** The line break and indentation before something at {@code level}; nothing when compact. */
    byte[] lineBreakAt(int level) {
        if (!pretty) {
            return new byte[0];
        }
        if (level >= lineBreaks.length) {
            byte[][] more = Arrays.copyOf(lineBreaks, level + 8);
            for (int i = lineBreaks.length; i < more.length; i++) {
                more[i] = ascii("\n" + INDENT.repeat(i));
            }
            lineBreaks = more;
        }
        return lineBreaks[level];
    }

    /** {@code "name": } (or {@code "name":} when compact). */
    byte[] nameAndSeparator(String name) {
        ByteText t = new ByteText(name.length() + 4);
        string(t, name);
        t.append(nameSeparator);
        return Arrays.copyOf(t.bytes(), t.size());
    }

    /** A string value as its JSON text, made once for values written again and again. */
    static byte[] quoted(String value) {
        ByteText t = new ByteText(value.length() + 2);
        string(t, value);
        return Arrays.copyOf(t.bytes(), t.size());
    }

    /** Where a value goes: a separator and a line break in an array; nothing after a name or at the start. */
    private void beforeValue() {
        if (depth > baseDepth && array[depth]) {
            if (nonEmpty[depth]) {
                text.append(',');
            }
            nonEmpty[depth] = true;
            lineBreak(depth);
        }
    }

    private void push(boolean isArray) {
        depth++;
        if (depth == array.length) {
            array = Arrays.copyOf(array, depth * 2);
            nonEmpty = Arrays.copyOf(nonEmpty, depth * 2);
        }
        array[depth] = isArray;
        nonEmpty[depth] = false;
    }

    private JsonText close(char bracket) {
        if (nonEmpty[depth]) {
            lineBreak(depth - 1);
        }
        depth--;
        text.append(bracket);
        return this;
    }

    private void lineBreak(int level) {
        if (pretty) {
            text.append(lineBreakAt(level));
        }
    }

    /**
     * A string as Gson writes it: quoted, with its escapes. The escapes are all ASCII or U+2028/U+2029,
     * so they are found in the string's UTF-8 bytes, and the stretches between them are copied whole.
     */
    static void string(ByteText out, String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        int length = utf8.length;
        out.append('"');
        int last = 0;
        for (int i = 0; i < length; i++) {
            byte[] escape = ESCAPES[utf8[i] & 0xFF];
            if (escape == null) {
                continue;
            }
            if (utf8[i] == LINE_SEPARATOR_LEAD) {
                if (i + 2 < length && utf8[i + 1] == (byte) 0x80 && (utf8[i + 2] == (byte) 0xA8 || utf8[i + 2] == (byte) 0xA9)) {
                    escape = utf8[i + 2] == (byte) 0xA8 ? U2028 : U2029;
                    out.append(utf8, last, i - last).append(escape);
                    i += 2;
                    last = i + 1;
                }
                continue;
            }
            out.append(utf8, last, i - last).append(escape);
            last = i + 1;
        }
        out.append(utf8, last, length - last);
        out.append('"');
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Gson's output for a tree, each line break followed by the indentation of where the tree stands. */
    private static final class Indented extends Writer {
        private final StringBuilder out;
        private final String lineBreak;

        Indented(StringBuilder out, String lineBreak) {
            this.out = out;
            this.lineBreak = lineBreak;
        }

        @Override
        public void write(int c) {
            if (c == '\n') {
                out.append(lineBreak);
            } else {
                out.append((char) c);
            }
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            write(new String(chars, offset, length), 0, length);
        }

        @Override
        public void write(String text, int offset, int length) {
            // Gson writes a line break on its own (JSON strings carry theirs escaped), but be exact anyway.
            int end = offset + length;
            int from = offset;
            for (int i = offset; i < end; i++) {
                if (text.charAt(i) == '\n') {
                    out.append(text, from, i).append(lineBreak);
                    from = i + 1;
                }
            }
            out.append(text, from, end);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
