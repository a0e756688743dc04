package com.baselineguard.cli;

import java.io.Writer;

/**
 * A plain character buffer in front of the command's output. Gson's JsonWriter writes token by
 * token; straight into a PrintWriter each token takes two locks (PrintWriter, BufferedWriter), which
 * profiling showed as the largest cost of a 10,000-resource JSON report. One thread writes a report,
 * so this buffer takes none and hands on 64 KiB at a time.
 */
final class OutputBuffer extends Writer {

    private final Writer out;
    private final char[] buffer = new char[1 << 16];
    private int size;

    OutputBuffer(Writer out) {
        this.out = out;
    }

    @Override
    public void write(int c) {
        if (size == buffer.length) {
            drain();
        }
        buffer[size++] = (char) c;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        if (length > buffer.length - size) {
            drain();
            if (length > buffer.length) {
                writeThrough(chars, offset, length);
                return;
            }
        }
        System.arraycopy(chars, offset, buffer, size, length);
        size += length;
    }

    @Override
    public void write(String text, int offset, int length) {
        if (length > buffer.length - size) {
            drain();
            if (length > buffer.length) {
                writeThrough(text.toCharArray(), offset, length);
                return;
            }
        }
        text.getChars(offset, offset + length, buffer, size);
        size += length;
    }

    @Override
    public void write(String text) {
        write(text, 0, text.length());
    }

    @Override
    public OutputBuffer append(CharSequence text) {
        if (text instanceof String s) {
            write(s, 0, s.length());
            return this;
        }
        int length = text.length();
        if (text instanceof StringBuilder sb && length <= buffer.length) {
            if (length > buffer.length - size) {
                drain();
            }
            sb.getChars(0, length, buffer, size);
            size += length;
            return this;
        }
        write(text.toString());
        return this;
    }

    @Override
    public void flush() {
        drain();
        try {
            out.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        flush();
    }

    private void drain() {
        if (size > 0) {
            writeThrough(buffer, 0, size);
            size = 0;
        }
    }

    private void writeThrough(char[] chars, int offset, int length) {
        try {
            out.write(chars, offset, length);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
