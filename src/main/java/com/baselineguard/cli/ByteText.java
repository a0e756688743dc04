package com.baselineguard.cli;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Text built up as UTF-8 bytes, like a {@link StringBuilder} whose content is already encoded. The
 * reports build each resource's text here and hand the bytes to the output as they are: a report
 * built as characters was copied twice more on its way out (widened to a {@code char[]}, then encoded
 * back to bytes by the output's writer), which profiling showed as a third of the writing thread's time.
 */
final class ByteText {

    private byte[] bytes;
    private int size;

    ByteText(int capacity) {
        bytes = new byte[capacity];
    }

    int size() {
        return size;
    }

    /** The bytes; valid up to {@link #size}. */
    byte[] bytes() {
        return bytes;
    }

    void clear() {
        size = 0;
    }

    ByteText append(String text) {
        int length = text.length();
        // A short string of plain ASCII (labels, names, numbers) is copied a character at a time, which
        // costs less than encoding it; anything else is encoded.
        if (length <= 16) {
            ensure(length);
            int s = size;
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                if (c >= 0x80) {
                    return appendEncoded(text);
                }
                bytes[s + i] = (byte) c;
            }
            size = s + length;
            return this;
        }
        return appendEncoded(text);
    }

    private ByteText appendEncoded(String text) {
        return append(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Text that may be a {@link StringBuilder} or another {@link CharSequence}. */
    ByteText append(CharSequence text) {
        return append(text.toString());
    }

    ByteText append(byte[] encoded) {
        return append(encoded, 0, encoded.length);
    }

    ByteText append(byte[] encoded, int offset, int length) {
        ensure(length);
        System.arraycopy(encoded, offset, bytes, size, length);
        size += length;
        return this;
    }

    /** An ASCII character (a bracket, a quote, a separator). */
    ByteText append(char ascii) {
        if (ascii >= 0x80) {
            return append(String.valueOf(ascii));
        }
        ensure(1);
        bytes[size++] = (byte) ascii;
        return this;
    }

    ByteText append(long number) {
        if (number >= 0 && number < 10) {
            return append((char) ('0' + number));
        }
        return append(Long.toString(number));
    }

    ByteText spaces(int count) {
        ensure(count);
        Arrays.fill(bytes, size, size + count, (byte) ' ');
        size += count;
        return this;
    }

    /** Room for {@code more} bytes. */
    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    @Override
    public String toString() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }
}
