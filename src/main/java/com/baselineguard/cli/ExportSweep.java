package com.baselineguard.cli;

import com.baselineguard.cli.ExportScanner.NotSure;
import com.baselineguard.cli.ExportScanner.Range;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One sweep of {@link ExportScanner}: the structure of a document or of JSON Lines, and for each item
 * where it starts and ends and the members that tell whether it can be a related item.
 */
final class ExportSweep extends ScanBytes {

    final List<Range> candidates = new ArrayList<>();
    final List<Range> linesForGson = new ArrayList<>();

    /** The JSON Lines line being read, for ranges; 0 in a document. */
    private int jsonLine;

    // The item being read: its start, and what its members say.
    private long itemStart;
    private int itemMemberDepth;
    private int resourceDepth;
    private final SweptItem item = new SweptItem();
    private boolean unsure;

    ExportSweep(InputStream in) {
        super(in);
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
        item.clear();
        unsure = false;
    }

    private void endItem() throws NotSure {
        long end = offset();
        if (end - itemStart > ExportDocument.MAX_ITEM_CHARS) {
            throw new NotSure();
        }
        if (unsure || item.mayBeRelated()) {
            candidates.add(new Range(itemStart, end, jsonLine));
        }
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
        if (depth > ExportScanner.NESTING_LIMIT) {
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
            item.resourceIsObject();
            resourceDepth = depth + 1;
            object(depth + 1);
            return;
        }
        if (!name.equals("id") && !name.equals("type")) {
            value(depth);
            return;
        }
        if (own && name.equals("id")) {
            item.ownId();
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
        item.note(name, text, own);
    }

    /** An array at {@code depth} (the '[' is read). */
    private void array(int depth) throws IOException, NotSure {
        if (depth > ExportScanner.NESTING_LIMIT) {
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
     * A member name (the '"' is read). At a root object ({@code always}) it is returned; at the
     * item's own level or its envelope's resource, it is returned when it is one that
     * {@link #memberValue} looks at ({@code id}, {@code type}, {@code resource}); otherwise null.
     * Only the root's names are made into strings; below it, a string per member of every item was
     * made only to be compared with those three.
     */
    private String key(int depth, boolean always) throws IOException, NotSure {
        boolean matters = always || depth == itemMemberDepth || depth == resourceDepth;
        String name;
        if (always) {
            name = string(true);
        } else {
            scanString(matters);
            name = !matters ? null : keptIs("id") ? "id" : keptIs("type") ? "type" : keptIs("resource") ? "resource" : null;
        }
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

}
