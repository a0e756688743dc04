package com.baselineguard.cli;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/** Counts the characters read since the current item began, and refuses an item past the limit. */
final class ItemSizeGuard extends FilterReader {
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("an item is larger than " + (ExportDocument.MAX_ITEM_CHARS >> 20) + " MiB");
        }
    }

    private long read;
    private long itemStart;
    private boolean lines;

    ItemSizeGuard(Reader in) {
        super(in);
    }

    void startItem() {
        itemStart = read;
    }

    /** JSON Lines: the walker bounds each line itself. */
    void lines() {
        lines = true;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            count(1);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws TooLarge {
        read += n;
        if (!lines && read - itemStart > ExportDocument.MAX_ITEM_CHARS + (1 << 17)) {
            throw new TooLarge();
        }
    }
}
