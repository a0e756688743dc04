package com.baselineguard.cli;

import com.baselineguard.model.ResourceId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fast path of the first pass ({@link RelatedIndex#collect}): one sweep over an input's bytes,
 * without decoding them into text or building any tree, that checks the input is strict JSON (or
 * JSON Lines) in UTF-8 and notes, for each item, where it starts and ends and the few members that
 * tell whether it can be a related item ({@code id}, {@code type}, an envelope's {@code resource}).
 * Only those candidates are then parsed properly.
 *
 * <p>It is an optimisation with Gson as the reference: it refuses anything it is not sure of (at least
 * as strict as Gson's strict mode: RFC 8259, a leading byte order mark allowed, nesting up to
 * {@link #NESTING_LIMIT}), and then the caller walks the input with Gson instead, which either reads it
 * or says exactly what is wrong. It never says yes where Gson would say no.
 */
final class ExportScanner {

    /** Deeper nesting is left to Gson to judge (its own limit, set by the walker, is far higher). */
    static final int NESTING_LIMIT = 1_000;
    private static final int HINT_BYTES = 8_192;
    /** The bytes a string can hold as they are: printable ASCII but the quote and the backslash. */
    private static final boolean[] PLAIN = new boolean[256];

    static {
        for (int c = 0x20; c < 0x80; c++) {
            PLAIN[c] = c != '"' && c != '\\';
        }
    }

    private ExportScanner() {
    }

    /** A byte range of the input: an item that may be a related item, or a JSON Lines line Gson must read. */
    record Range(long start, long end, int jsonLine) {
    }

    /** What a sweep found: the candidate items, and JSON Lines lines it could not vouch for. */
    record Result(List<Range> candidates, List<Range> linesForGson) {
    }

    /** Thrown when the input must be read by Gson instead. */
    static final class NotSure extends Exception {
        private static final long serialVersionUID = 1L;

        NotSure() {
            super(null, null, false, false);
        }
    }

    /**
     * Sweeps {@code file}.
     *
     * @throws NotSure when Gson must read the whole input instead
     */
    static Result scan(Path file, boolean jsonLines) throws IOException, NotSure {
        try (InputStream in = Files.newInputStream(file)) {
            Sweep sweep = new Sweep(in);
            if (jsonLines) {
                sweep.lines();
            } else {
                sweep.document();
                if (sweep.peekSkippingWhitespace() != -1) {
                    throw new NotSure();
                }
            }
            return new Result(sweep.candidates, sweep.linesForGson);
        }
    }

    /** One sweep's state: the buffer, the container stack, the item being read. */
    private static final class Sweep {
        private static final int EOF = -1;
        private static final byte OBJECT = 1;
        private static final byte ARRAY = 2;

        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int pos;
        private int limit;
        private long base;
        private boolean bomChecked;

        final List<Range> candidates = new ArrayList<>();
        final List<Range> linesForGson = new ArrayList<>();

        /** The JSON Lines line being read, for ranges; 0 in a document. */
        private int jsonLine;
        /** In JSON Lines: the line ends at the next newline, which counts as the end of input. */
        private boolean lineMode;

        // The item being read: its start, and what its members say.
        private long itemStart;
        private int itemMemberDepth;
        private int resourceDepth;
        private String id;
        private String type;
        private String resourceId;
        private String resourceType;
        private boolean resourceIsObject;
        private boolean hasId;
        private boolean unsure;
        /** What the last string held that a plain reading of its bytes does not give. */
        private boolean lastEscaped;
        private boolean lastNonAscii;

        Sweep(InputStream in) {
            this.in = in;
        }

        // ---- JSON Lines

        void lines() throws IOException, NotSure {
            lineMode = true;
            int number = 0;
            while (true) {
                number++;
                long start = offset();
                int found = candidates.size();
                jsonLine = number;
                boolean ok;
                try {
                    if (peekSkippingWhitespace() == EOF) {
                        ok = true; // a blank line
                    } else {
                        document();
                        ok = peekSkippingWhitespace() == EOF;
                    }
                } catch (NotSure e) {
                    ok = false;
                }
                if (!ok) {
                    // Gson reads this line on its own (or says what is wrong with it), items and all.
                    candidates.subList(found, candidates.size()).clear();
                    skipRestOfLine();
                    linesForGson.add(new Range(start, offset(), number));
                }
                lineMode = false;
                int c = read();
                lineMode = true;
                if (c == EOF) {
                    return;
                }
                if (c != '\n') {
                    throw new NotSure();
                }
            }
        }

        private void skipRestOfLine() throws IOException, NotSure {
            while (true) {
                int c = peek();
                if (c == EOF) {
                    return;
                }
                read();
                if (c >= 0x80) {
                    utf8Continuation(c);
                }
            }
        }

        // ---- documents

        /** One document (a file, or a line of JSON Lines); items are noted as they end. */
        void document() throws IOException, NotSure {
            int c = peekSkippingWhitespace();
            if (c == '[') {
                read();
                list(1);
            } else if (c == '{') {
                rootObject();
            } else {
                // A scalar root, or nothing: Gson says which problem it is.
                throw new NotSure();
            }
        }

        /** The elements of a list container at {@code depth} (the '[' is read): each is an item. */
        private void list(int depth) throws IOException, NotSure {
            int c = peekSkippingWhitespace();
            if (c == ']') {
                read();
                return;
            }
            while (true) {
                beginItem(depth + 1);
                value(depth);
                endItem();
                c = readSkippingWhitespace();
                if (c == ']') {
                    return;
                }
                if (c != ',') {
                    throw new NotSure();
                }
            }
        }

        /**
         * The root object: a list when it has a {@code value} or {@code data} array, else one item
         * (whose members were noted as they were read).
         */
        private void rootObject() throws IOException, NotSure {
            beginItem(1);
            read(); // '{'
            Set<String> names = new HashSet<>();
            boolean list = false;
            int c = peekSkippingWhitespace();
            if (c == '}') {
                read();
            } else {
                while (true) {
                    if (readSkippingWhitespace() != '"') {
                        throw new NotSure();
                    }
                    String name = key(1, true);
                    if (!names.add(name)) {
                        throw new NotSure();
                    }
                    colon();
                    if ((name.equals("value") || name.equals("data")) && peekSkippingWhitespace() == '[') {
                        if (list) {
                            throw new NotSure();
                        }
                        list = true;
                        read();
                        list(2);
                    } else {
                        memberValue(1, name);
                    }
                    c = readSkippingWhitespace();
                    if (c == '}') {
                        break;
                    }
                    if (c != ',') {
                        throw new NotSure();
                    }
                }
            }
            if (!list) {
                endItem();
            }
        }

        // ---- items

        private void beginItem(int memberDepth) {
            itemStart = offset();
            itemMemberDepth = memberDepth;
            resourceDepth = -1;
            id = null;
            type = null;
            resourceId = null;
            resourceType = null;
            resourceIsObject = false;
            hasId = false;
            unsure = false;
        }

        private void endItem() throws NotSure {
            long end = offset();
            if (end - itemStart > ExportDocument.MAX_ITEM_CHARS) {
                throw new NotSure();
            }
            if (unsure || mayBeRelated()) {
                candidates.add(new Range(itemStart, end, jsonLine));
            }
        }

        /** The same reading of id and type as {@link ExportReader#classify}, on what was noted. */
        private boolean mayBeRelated() {
            boolean envelope = resourceIsObject && !hasId;
            String itemId = envelope ? resourceId : id;
            String itemType = envelope ? resourceType : type;
            if (itemId == null) {
                return false;
            }
            String typeText = itemType;
            if (typeText == null || typeText.isBlank()) {
                try {
                    typeText = ResourceId.parse(itemId).type();
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }
            return ExportReader.relatedKind(typeText).isPresent();
        }

        // ---- values

        /** Any value whose container is at {@code depth}. */
        private void value(int depth) throws IOException, NotSure {
            int c = readSkippingWhitespace();
            switch (c) {
                case '{' -> object(depth + 1);
                case '[' -> array(depth + 1);
                case '"' -> string(false);
                case 't' -> literal("rue");
                case 'f' -> literal("alse");
                case 'n' -> literal("ull");
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        number(c);
                    } else {
                        throw new NotSure();
                    }
                }
            }
        }

        /** An object at {@code depth} (the '{' is read). */
        private void object(int depth) throws IOException, NotSure {
            if (depth > NESTING_LIMIT) {
                throw new NotSure();
            }
            int c = peekSkippingWhitespace();
            if (c == '}') {
                read();
                closeObject(depth);
                return;
            }
            while (true) {
                if (readSkippingWhitespace() != '"') {
                    throw new NotSure();
                }
                String name = key(depth, false);
                colon();
                memberValue(depth, name);
                c = readSkippingWhitespace();
                if (c == '}') {
                    closeObject(depth);
                    return;
                }
                if (c != ',') {
                    throw new NotSure();
                }
            }
        }

        private void closeObject(int depth) {
            if (depth == resourceDepth) {
                resourceDepth = -1;
            }
        }

        /** A member's value; {@code name} is non-null when the member is one an item's kind depends on. */
        private void memberValue(int depth, String name) throws IOException, NotSure {
            if (name == null) {
                value(depth);
                return;
            }
            int c = peekSkippingWhitespace();
            boolean own = depth == itemMemberDepth;
            if (name.equals("resource") && own && c == '{') {
                read();
                resourceIsObject = true;
                resourceDepth = depth + 1;
                object(depth + 1);
                return;
            }
            if (!name.equals("id") && !name.equals("type")) {
                value(depth);
                return;
            }
            if (own && name.equals("id")) {
                hasId = true;
            }
            if (c != '"') {
                // A number or other value where a string is expected: let the full parse judge.
                unsure = true;
                value(depth);
                return;
            }
            read();
            String text = string(true);
            if (lastEscaped || lastNonAscii) {
                // Rare in ids and types; the full parse decodes them.
                unsure = true;
            }
            if (own) {
                if (name.equals("id") && id == null) {
                    id = text;
                } else if (name.equals("type") && type == null) {
                    type = text;
                }
            } else if (name.equals("id") && resourceId == null) {
                resourceId = text;
            } else if (name.equals("type") && resourceType == null) {
                resourceType = text;
            }
        }

        /** An array at {@code depth} (the '[' is read). */
        private void array(int depth) throws IOException, NotSure {
            if (depth > NESTING_LIMIT) {
                throw new NotSure();
            }
            int c = peekSkippingWhitespace();
            if (c == ']') {
                read();
                return;
            }
            while (true) {
                value(depth);
                c = readSkippingWhitespace();
                if (c == ']') {
                    return;
                }
                if (c != ',') {
                    throw new NotSure();
                }
            }
        }

        /**
         * A member name (the '"' is read). Returned when it matters here: at the item's own level or
         * its envelope's resource, or at a root object ({@code always}); otherwise null.
         */
        private String key(int depth, boolean always) throws IOException, NotSure {
            boolean matters = always || depth == itemMemberDepth || depth == resourceDepth;
            String name = string(matters);
            if (matters && (lastEscaped || lastNonAscii)) {
                if (always) {
                    // A root member name decides the input's shape: Gson decodes it.
                    throw new NotSure();
                }
                // Decoding it here is not worth the risk; the item is parsed in full instead.
                unsure = true;
            }
            return name;
        }

        private void colon() throws IOException, NotSure {
            if (readSkippingWhitespace() != ':') {
                throw new NotSure();
            }
        }

        /**
         * A string (the opening '"' is read), checked: no control characters, valid escapes, valid
         * UTF-8. With {@code keep}, its plain ASCII characters are returned; {@link #lastEscaped} and
         * {@link #lastNonAscii} say whether that is the whole of it.
         */
        private String string(boolean keep) throws IOException, NotSure {
            byte[] kept = keep ? new byte[64] : null;
            int size = 0;
            boolean escaped = false;
            boolean nonAscii = false;
            boolean tooLong = false;
            while (true) {
                // Fast path: plain ASCII inside the buffer.
                int p = pos;
                int end = limit;
                byte[] b = buffer;
                while (p < end && PLAIN[b[p] & 0xFF]) {
                    p++;
                }
                if (keep && p > pos && !tooLong) {
                    int n = p - pos;
                    if (size + n > HINT_BYTES) {
                        tooLong = true;
                    } else {
                        if (size + n > kept.length) {
                            kept = java.util.Arrays.copyOf(kept, Math.max(kept.length * 2, size + n));
                        }
                        System.arraycopy(b, pos, kept, size, n);
                        size += n;
                    }
                }
                pos = p;
                int c = peek();
                if (c == EOF) {
                    throw new NotSure();
                }
                if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                    continue; // the buffer ran out in a plain stretch: go on with the refilled buffer
                }
                pos++;
                if (c == '"') {
                    break;
                }
                if (c == '\\') {
                    escaped = true;
                    int e = read();
                    switch (e) {
                        case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> { }
                        case 'u' -> {
                            for (int i = 0; i < 4; i++) {
                                int h = read();
                                if (!((h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') || (h >= 'A' && h <= 'F'))) {
                                    throw new NotSure();
                                }
                            }
                        }
                        default -> throw new NotSure();
                    }
                } else if (c < 0x20) {
                    throw new NotSure();
                } else {
                    nonAscii = true;
                    utf8Continuation(c);
                }
            }
            lastEscaped = escaped;
            lastNonAscii = nonAscii || tooLong;
            return keep ? new String(kept, 0, size, StandardCharsets.US_ASCII) : null;
        }

        /** Checks the continuation bytes of a UTF-8 sequence whose first byte was read. */
        private void utf8Continuation(int first) throws IOException, NotSure {
            int count;
            int lowest = 0x80;
            int highest = 0xBF;
            if (first >= 0xC2 && first <= 0xDF) {
                count = 1;
            } else if (first >= 0xE0 && first <= 0xEF) {
                count = 2;
                if (first == 0xE0) {
                    lowest = 0xA0; // no overlong forms
                } else if (first == 0xED) {
                    highest = 0x9F; // no surrogates
                }
            } else if (first >= 0xF0 && first <= 0xF4) {
                count = 3;
                if (first == 0xF0) {
                    lowest = 0x90;
                } else if (first == 0xF4) {
                    highest = 0x8F; // nothing past U+10FFFF
                }
            } else {
                throw new NotSure();
            }
            for (int i = 0; i < count; i++) {
                int c = read();
                int lo = i == 0 ? lowest : 0x80;
                int hi = i == 0 ? highest : 0xBF;
                if (c < lo || c > hi) {
                    throw new NotSure();
                }
            }
        }

        private void number(int first) throws IOException, NotSure {
            int c = first;
            if (c == '-') {
                c = read();
            }
            if (c == '0') {
                c = peek();
            } else if (c >= '1' && c <= '9') {
                c = digits();
            } else {
                throw new NotSure();
            }
            if (c == '.') {
                read();
                if (!isDigit(peek())) {
                    throw new NotSure();
                }
                c = digits();
            }
            if (c == 'e' || c == 'E') {
                read();
                c = peek();
                if (c == '+' || c == '-') {
                    read();
                }
                if (!isDigit(peek())) {
                    throw new NotSure();
                }
                c = digits();
            }
            delimiter(c);
        }

        /** Reads digits; returns the byte after them, not read. */
        private int digits() throws IOException {
            int c;
            while (isDigit(c = peek())) {
                read();
            }
            return c;
        }

        private static boolean isDigit(int c) {
            return c >= '0' && c <= '9';
        }

        private void literal(String rest) throws IOException, NotSure {
            for (int i = 0; i < rest.length(); i++) {
                if (read() != rest.charAt(i)) {
                    throw new NotSure();
                }
            }
            delimiter(peek());
        }

        /** What may follow a number or literal. */
        private static void delimiter(int c) throws NotSure {
            if (!(c == EOF || c == ',' || c == ']' || c == '}' || c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
                throw new NotSure();
            }
        }

        // ---- bytes

        private long offset() {
            return base + pos;
        }

        private int peek() throws IOException {
            if (pos == limit && !fill()) {
                return EOF;
            }
            int c = buffer[pos] & 0xFF;
            if (lineMode && c == '\n') {
                return EOF;
            }
            return c;
        }

        private int read() throws IOException {
            int c = peek();
            if (c != EOF) {
                pos++;
            }
            return c;
        }

        private int peekSkippingWhitespace() throws IOException {
            while (true) {
                byte[] b = buffer;
                int p = pos;
                int end = limit;
                while (p < end) {
                    byte x = b[p];
                    if (x == ' ' || x == '\t' || x == '\r' || (x == '\n' && !lineMode)) {
                        p++;
                    } else {
                        pos = p;
                        return x == '\n' ? EOF : x & 0xFF;
                    }
                }
                pos = p;
                if (!fill()) {
                    return EOF;
                }
            }
        }

        private int readSkippingWhitespace() throws IOException {
            int c = peekSkippingWhitespace();
            if (c != EOF) {
                pos++;
            }
            return c;
        }

        private boolean fill() throws IOException {
            base += limit;
            pos = 0;
            limit = 0;
            int n = in.readNBytes(buffer, 0, buffer.length);
            if (n <= 0) {
                return false;
            }
            limit = n;
            if (!bomChecked) {
                bomChecked = true;
                if (n >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
                    pos = 3; // Gson skips a leading byte order mark
                }
            }
            return true;
        }
    }
}
