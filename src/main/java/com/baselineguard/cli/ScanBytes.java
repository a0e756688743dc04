package com.baselineguard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The byte level of {@link ExportScanner}'s sweep: a buffer over the input, whitespace, and strict
 * checks of strings (escapes, control characters, UTF-8), numbers and literals. Anything it is not
 * sure of throws {@link ExportScanner.NotSure}. {@link ExportSweep} adds the structure on top.
 */
abstract class ScanBytes {
    static final int EOF = -1;
    private static final int HINT_BYTES = 8_192;
    /** The bytes a string can hold as they are: printable ASCII but the quote and the backslash. */
    private static final boolean[] PLAIN = new boolean[256];

    /** Whitespace between tokens; in JSON Lines a newline ends the line instead. */
    private static final boolean[] BLANK = new boolean[256];
    private static final boolean[] BLANK_IN_LINE = new boolean[256];

    static {
        for (int c = 0x20; c < 0x80; c++) {
            PLAIN[c] = c != '"' && c != '\\';
        }
        for (char c : new char[] {' ', '\t', '\r'}) {
            BLANK[c] = true;
            BLANK_IN_LINE[c] = true;
        }
        BLANK['\n'] = true;
    }

    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private long base;
    private boolean bomChecked;

    /** In JSON Lines: the line ends at the next newline, which counts as the end of input. */
    boolean lineMode;
    /** The plain ASCII characters of the last string read with {@code keep}. */
    private byte[] kept = new byte[64];
    private int keptSize;
    /** What the last string held that a plain reading of its bytes does not give. */
    boolean lastEscaped;
    boolean lastNonAscii;

    ScanBytes(InputStream in) {
        this.in = in;
    }

    final void skipRestOfLine() throws IOException, ExportScanner.NotSure {
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

    final void colon() throws IOException, ExportScanner.NotSure {
        if (readSkippingWhitespace() != ':') {
            throw new ExportScanner.NotSure();
        }
    }

    /**
     * A string (the opening '"' is read), checked: no control characters, valid escapes, valid
     * UTF-8. With {@code keep}, its plain ASCII characters are returned; {@link #lastEscaped} and
     * {@link #lastNonAscii} say whether that is the whole of it.
     */
    final String string(boolean keep) throws IOException, ExportScanner.NotSure {
        scanString(keep);
        return keep ? new String(kept, 0, keptSize, StandardCharsets.US_ASCII) : null;
    }

    /** Whether the plain characters {@link #scanString} kept are {@code ascii}. */
    final boolean keptIs(String ascii) {
        if (keptSize != ascii.length()) {
            return false;
        }
        for (int i = 0; i < keptSize; i++) {
            if (kept[i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** {@link #string}, its plain ASCII characters (with {@code keep}) left in {@link #kept}. */
    final void scanString(boolean keep) throws IOException, ExportScanner.NotSure {
        int size = 0;
        boolean escaped = false;
        boolean nonAscii = false;
        boolean tooLong = false;
        boolean[] plain = PLAIN;
        while (true) {
            // Fast path: plain ASCII inside the buffer.
            int p = pos;
            int end = limit;
            byte[] b = buffer;
            while (p < end && plain[b[p] & 0xFF]) {
                p++;
            }
            if (keep && p > pos && !tooLong) {
                int n = p - pos;
                if (size + n > HINT_BYTES) {
                    tooLong = true;
                } else {
                    if (size + n > kept.length) {
                        kept = Arrays.copyOf(kept, Math.max(kept.length * 2, size + n));
                    }
                    System.arraycopy(b, pos, kept, size, n);
                    size += n;
                }
            }
            pos = p;
            int c = peek();
            if (c == EOF) {
                throw new ExportScanner.NotSure();
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
                                throw new ExportScanner.NotSure();
                            }
                        }
                    }
                    default -> throw new ExportScanner.NotSure();
                }
            } else if (c < 0x20) {
                throw new ExportScanner.NotSure();
            } else {
                nonAscii = true;
                utf8Continuation(c);
            }
        }
        lastEscaped = escaped;
        lastNonAscii = nonAscii || tooLong;
        keptSize = keep ? size : 0;
    }

    /** Checks the continuation bytes of a UTF-8 sequence whose first byte was read. */
    final void utf8Continuation(int first) throws IOException, ExportScanner.NotSure {
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
            throw new ExportScanner.NotSure();
        }
        for (int i = 0; i < count; i++) {
            int c = read();
            int lo = i == 0 ? lowest : 0x80;
            int hi = i == 0 ? highest : 0xBF;
            if (c < lo || c > hi) {
                throw new ExportScanner.NotSure();
            }
        }
    }

    final void number(int first) throws IOException, ExportScanner.NotSure {
        int c = first;
        if (c == '-') {
            c = read();
        }
        if (c == '0') {
            c = peek();
        } else if (c >= '1' && c <= '9') {
            c = digits();
        } else {
            throw new ExportScanner.NotSure();
        }
        if (c == '.') {
            read();
            if (!isDigit(peek())) {
                throw new ExportScanner.NotSure();
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
                throw new ExportScanner.NotSure();
            }
            c = digits();
        }
        delimiter(c);
    }

    /** Reads digits; returns the byte after them, not read. */
    final int digits() throws IOException {
        int c;
        while (isDigit(c = peek())) {
            read();
        }
        return c;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    final void literal(String rest) throws IOException, ExportScanner.NotSure {
        for (int i = 0; i < rest.length(); i++) {
            if (read() != rest.charAt(i)) {
                throw new ExportScanner.NotSure();
            }
        }
        delimiter(peek());
    }

    /** What may follow a number or literal. */
    private static void delimiter(int c) throws ExportScanner.NotSure {
        if (!(c == EOF || c == ',' || c == ']' || c == '}' || c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
            throw new ExportScanner.NotSure();
        }
    }

    // ---- bytes

    final long offset() {
        return base + pos;
    }

    final int peek() throws IOException {
        if (pos == limit && !fill()) {
            return EOF;
        }
        int c = buffer[pos] & 0xFF;
        if (lineMode && c == '\n') {
            return EOF;
        }
        return c;
    }

    final int read() throws IOException {
        int c = peek();
        if (c != EOF) {
            pos++;
        }
        return c;
    }

    final int peekSkippingWhitespace() throws IOException {
        // A table lookup per byte, with the line mode's table chosen once: a pretty-printed export is
        // about a third whitespace (the generated estates of the benchmark: 32 %), all of it passed here.
        boolean[] skipped = lineMode ? BLANK_IN_LINE : BLANK;
        while (true) {
            byte[] b = buffer;
            int p = pos;
            int end = limit;
            while (p < end) {
                byte x = b[p];
                if (skipped[x & 0xFF]) {
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

    final int readSkippingWhitespace() throws IOException {
        int c = peekSkippingWhitespace();
        if (c != EOF) {
            pos++;
        }
        return c;
    }

    final boolean fill() throws IOException {
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
