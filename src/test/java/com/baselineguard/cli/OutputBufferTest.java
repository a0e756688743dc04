package com.baselineguard.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The reports' bytes reach the output unchanged: straight into standard output's stream, in order with
 * what the commands print as text, or decoded into any other writer without splitting a character
 * across the 64 KiB the buffer hands on at a time.
 */
class OutputBufferTest {

    /** Text whose multi-byte characters fall on every offset around the buffer's size. */
    private static String text() {
        StringBuilder text = new StringBuilder();
        String[] pieces = {"a", "é", "€", "😀", "\n", "\"x\""};
        for (int i = 0; text.length() < 300_000; i++) {
            text.append(pieces[i % pieces.length]).append("b".repeat(i % 7));
        }
        return text.toString();
    }

    @Test
    void decodedIntoAWriterWholeCharactersOnly() {
        String text = text();
        StringWriter chars = new StringWriter();
        OutputBuffer buffer = OutputBuffer.over(new PrintWriter(chars));
        ByteText piece = new ByteText(16);
        for (int i = 0; i < text.length(); ) {
            int end = Math.min(text.length(), i + 1 + i % 97);
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end++;
            }
            piece.clear();
            piece.append(text.substring(i, end));
            buffer.write(piece);
            i = end;
        }
        buffer.flush();
        assertEquals(text, chars.toString());
    }

    @Test
    void standardOutputGetsTheBytesInOrderWithItsText() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StandardOutput out = new StandardOutput(bytes);
        out.print("before ");
        OutputBuffer buffer = OutputBuffer.over(out);
        String text = text();
        buffer.write(text);
        buffer.flush();
        out.println(" after");
        out.flush();
        Charset charset = Charset.defaultCharset();
        byte[] expected = ("before " + text + " after" + System.lineSeparator()).getBytes(charset);
        if (charset.equals(StandardCharsets.UTF_8)) {
            assertArrayEquals(expected, bytes.toByteArray());
        } else {
            // Another platform charset: the report goes through the writer, as the rest of the output.
            ByteArrayOutputStream viaWriter = new ByteArrayOutputStream();
            PrintWriter writer = new PrintWriter(new OutputStreamWriter(viaWriter, charset));
            writer.print("before " + text + " after" + System.lineSeparator());
            writer.flush();
            assertArrayEquals(viaWriter.toByteArray(), bytes.toByteArray());
        }
    }

    @Test
    void aClosedStandardOutputIsDroppedSilentlyAsItsWriterDropsIt() {
        java.io.OutputStream closed = new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException("Broken pipe");
            }
        };
        StandardOutput out = new StandardOutput(closed);
        OutputBuffer buffer = OutputBuffer.over(out);
        buffer.write(text());
        buffer.flush();
        buffer.write("more");
        buffer.flush();
        out.println("after");
        out.flush();
        assertEquals(true, out.checkError(), "the writer noted it too, as before");
    }

    @Test
    void aCharacterCutAtTheEndIsKeptForLater() {
        byte[] euro = "a€".getBytes(StandardCharsets.UTF_8);
        assertEquals(1, OutputBuffer.completeCharacters(euro, 2));
        assertEquals(1, OutputBuffer.completeCharacters(euro, 3));
        assertEquals(4, OutputBuffer.completeCharacters(euro, 4));
        byte[] emoji = "😀".getBytes(StandardCharsets.UTF_8);
        for (int size = 1; size < 4; size++) {
            assertEquals(0, OutputBuffer.completeCharacters(emoji, size));
        }
        assertEquals(4, OutputBuffer.completeCharacters(emoji, 4));
    }
}
