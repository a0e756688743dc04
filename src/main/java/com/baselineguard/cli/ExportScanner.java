package com.baselineguard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
            ExportSweep sweep = new ExportSweep(in);
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
}
