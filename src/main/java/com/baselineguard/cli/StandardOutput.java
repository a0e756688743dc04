package com.baselineguard.cli;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as the commands see it, a {@link PrintWriter} in the platform's charset, that also
 * gives the reports of {@code evaluate} the byte stream beneath it: they build their text as UTF-8
 * bytes ({@link ByteText}), and passing those through a writer would decode and encode every byte of
 * a report again.
 */
final class StandardOutput extends PrintWriter {

    private final OutputStream stream;

    /** @param stream buffered; flushed by the commands as they go and at the end */
    StandardOutput(OutputStream stream) {
        super(new BufferedWriter(new OutputStreamWriter(stream), 1 << 16), false);
        this.stream = stream;
    }

    /**
     * The byte stream beneath, with what was written as text so far pushed into it first; null when
     * the text is not written as UTF-8 (the platform's charset is another), so that the bytes are the
     * ones the writer would have written.
     */
    OutputStream utf8Stream() {
        if (!Charset.defaultCharset().equals(StandardCharsets.UTF_8)) {
            return null;
        }
        flush();
        return stream;
    }
}
