package com.baselineguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps classes small enough to read in one sitting: no production source file over 350 lines, and the
 * remediation pipeline's entry point, {@code Remediator}, at most 250. A file that grows past the limit
 * is split by what its parts do, not by line count.
 */
class SourceSizeTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final int MAX_LINES = 350;
    private static final int MAX_REMEDIATOR_LINES = 250;

    @Test
    void noProductionFileIsOverTheLimit() throws IOException {
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(MAIN)) {
            tooLong = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> lines(f) > MAX_LINES)
                    .map(f -> MAIN.relativize(f) + " (" + lines(f) + " lines)")
                    .sorted()
                    .toList();
        }
        assertEquals(List.of(), tooLong, "src/main files over " + MAX_LINES + " lines");
    }

    @Test
    void theRemediatorStaysAShortPipeline() {
        Path remediator = MAIN.resolve("com/baselineguard/engine/Remediator.java");
        assertTrue(Files.isRegularFile(remediator), remediator + " is missing");
        long lines = lines(remediator);
        assertTrue(lines <= MAX_REMEDIATOR_LINES, "Remediator.java has " + lines + " lines, over " + MAX_REMEDIATOR_LINES);
    }

    @Test
    void theSourceTreeIsWhereThisTestLooks() throws IOException {
        // Guards the two checks above from passing on an empty walk.
        try (Stream<Path> files = Files.walk(MAIN)) {
            long count = files.filter(f -> f.toString().endsWith(".java")).count();
            assertTrue(count > 100, "only " + count + " Java files under " + MAIN.toAbsolutePath());
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
