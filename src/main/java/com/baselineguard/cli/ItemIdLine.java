package com.baselineguard.cli;

import com.baselineguard.model.StrictJson;
import com.google.gson.JsonElement;
import com.google.gson.stream.JsonReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the line of an item's id, as reports locate a resource: the item's own {@code id}, or for
 * a snapshot envelope its resource's {@code id} (one level down); 1 when neither is found.
 */
final class ItemIdLine implements StrictJson.MemberObserver {
    private static final Pattern READER_LINE = Pattern.compile(" at line (\\d+) column ");

    private final int itemDepth;
    private final int lineOffset;
    private int own;
    private int nested;

    ItemIdLine(int itemDepth, int lineOffset) {
        this.itemDepth = itemDepth;
        this.lineOffset = lineOffset;
    }

    @Override
    public void member(int depth, String name, JsonElement value, JsonReader reader) {
        if (!name.equals("id") || !value.isJsonPrimitive()) {
            return;
        }
        if (depth == itemDepth && own == 0) {
            own = lineOf(reader);
        } else if (depth == itemDepth + 1 && nested == 0) {
            nested = lineOf(reader);
        }
    }

    int line() {
        int line = own > 0 ? own : nested;
        return line > 0 ? line + lineOffset : Math.max(1, lineOffset + 1);
    }

    /** The line the reader stands on, from Gson's location text ({@code "... at line 12 column 5 path ..."}); 0 if absent. */
    private static int lineOf(JsonReader reader) {
        Matcher m = READER_LINE.matcher(reader.toString());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
