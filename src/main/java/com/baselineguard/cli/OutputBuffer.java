package com.baselineguard.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A plain byte buffer in front of the command's output, which the reports fill with UTF-8 text
 * ({@link ByteText}) and which hands on 64 KiB at a time: to standard output's byte stream itself when
 * it is one ({@link StandardOutput}), so the text is not decoded and encoded again; otherwise (tests,
 * another writer) decoded into the writer. One thread writes a report, so it takes no locks (writing
 * token by token into a PrintWriter took two per token, once the largest cost of a JSON report).
 *
 * <p>Standard output's stream fails as its {@link PrintWriter} does, silently: once the reader has gone
 * (a pipe into {@code head}), the rest of the report is dropped and the run ends as it would have.
 */
final class OutputBuffer {

    private final OutputStream stream;
    private final Writer writer;
    private final byte[] buffer = new byte[1 << 16];
    private int size;
    /** The stream failed: nothing more goes to it. */
    private boolean failed;

    private OutputBuffer(OutputStream stream, Writer writer) {
        this.stream = stream;
        this.writer = writer;
    }

    /** A buffer in front of {@code out}: straight to the bytes beneath it where it has them. */
    static OutputBuffer over(PrintWriter out) {
        if (out instanceof StandardOutput standard) {
            OutputStream bytes = standard.utf8Stream();
            if (bytes != null) {
                return new OutputBuffer(bytes, null);
            }
        }
        return new OutputBuffer(null, out);
    }

    void write(ByteText text) {
        write(text.bytes(), 0, text.size());
    }

    /** Writes {@code text} and clears it, so the report can fill it again. */
    void take(ByteText text) {
        write(text);
        text.clear();
    }

    void write(byte[] bytes, int offset, int length) {
        if (length > buffer.length - size) {
            drain();
            if (length > buffer.length) {
                writeThrough(bytes, offset, length);
                return;
            }
        }
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
    }

    void write(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(bytes, 0, bytes.length);
    }

    /** Hands everything on, down to the file or pipe. */
    void flush() {
        drain();
        try {
            if (stream != null) {
                if (!failed) {
                    stream.flush();
                }
            } else {
                writer.flush();
            }
        } catch (IOException e) {
            failed(e);
        }
    }

    private void drain() {
        if (size == 0) {
            return;
        }
        if (stream != null) {
            writeThrough(buffer, 0, size);
            size = 0;
            return;
        }
        // Decoded for a writer: a character whose bytes are not all here yet waits for the rest.
        int complete = completeCharacters(buffer, size);
        writeThrough(buffer, 0, complete);
        System.arraycopy(buffer, complete, buffer, 0, size - complete);
        size -= complete;
    }

    /** How many of the first {@code size} bytes end with a whole UTF-8 sequence. */
    static int completeCharacters(byte[] bytes, int size) {
        for (int back = 1; back <= 3 && back <= size; back++) {
            int b = bytes[size - back] & 0xFF;
            if ((b & 0xC0) == 0x80) {
                continue; // a continuation byte: its lead is further back
            }
            int length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return length > back ? size - back : size;
        }
        return size;
    }

    private void writeThrough(byte[] bytes, int offset, int length) {
        try {
            if (stream != null) {
                if (!failed) {
                    stream.write(bytes, offset, length);
                }
            } else {
                writer.write(new String(bytes, offset, length, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            failed(e);
        }
    }

    private void failed(IOException e) {
        if (stream == null) {
            throw new UncheckedIOException(e);
        }
        failed = true;
    }
}
