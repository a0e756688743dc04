package com.baselineguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Comments and docs speak of this repository: they cite public sources (a spec path in
 * Azure/azure-rest-api-specs, a learn.microsoft.com page, a PSRule for Azure rule page, an Azure Policy
 * definition id), never a file beside the repository that a reader of a clone does not have: no
 * {@code ../shared} path, no notes file, and none of the source keys of the team's research notes
 * ({@code [SP-R]}, {@code [D-B4]}, {@code [PS9]}, {@code [AP-R3]}, ...).
 */
class RepositoryReferencesTest {

    /** The source keys of the research notes: spec, docs, PSRule, Azure Policy, Cloud Custodian, AzTS, monkey365, issues. */
    static final Pattern SOURCE_KEY = Pattern.compile(
            "\\[(?:SP-[A-Za-z0-9-]+|D-[A-Z]+\\d*(?:-old)?|PS\\d+|AP(?:-[A-Z]\\d+)?|CC\\d*|AZTS\\d+|M365-[A-Z]|I\\d+)\\]");

    /** Files outside the repository, and the notes' own vocabulary for them. */
    static final Pattern OUTSIDE_FILE = Pattern.compile(
            "\\.\\./shared|shared/(?:baseline|notes|testdata)|rules-research|research (?:pitfall|section|snapshot|table)"
                    + "|\\(research:",
            Pattern.CASE_INSENSITIVE);

    /** This file names the patterns it looks for. */
    private static final Path SELF = Path.of("src/test/java/com/baselineguard/RepositoryReferencesTest.java");

    @Test
    void noCommentOrDocCitesAFileOutsideTheRepository() throws IOException {
        List<String> offenders = new ArrayList<>();
        List<Path> roots = List.of(Path.of("src"), Path.of("docs"), Path.of("infra"), Path.of("bin"), Path.of(".ci"),
                Path.of("samples"), Path.of("README.md"), Path.of("pom.xml"), Path.of("azure.yaml"));
        int scanned = 0;
        for (Path root : roots) {
            assertTrue(Files.exists(root), "run from the repository root: " + root);
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.equals(SELF)).sorted().toList()) {
                    String text = text(file);
                    if (text == null) {
                        continue;
                    }
                    scanned++;
                    offenders.addAll(matches(file, text, SOURCE_KEY));
                    offenders.addAll(matches(file, text, OUTSIDE_FILE));
                }
            }
        }
        assertTrue(scanned > 300, "scanned " + scanned + " files");
        assertEquals(List.of(), offenders, "cite the public source instead");
    }

    @Test
    void thePatternsCatchTheNotesKeysAndPathsAndNothingElse() {
        for (String cited : List.of("[SP-R]", "[SP-E]", "[SP-B-types]", "[SP-B-2024]", "[D-R2]", "[D-B11]", "[D-MON]",
                "[PS9]", "[AP-R10]", "[AP-M4]", "[AP]", "[CC1]", "[AZTS3]", "[M365-R]", "[I5]")) {
            assertTrue(SOURCE_KEY.matcher("a fact " + cited + ".").find(), cited);
        }
        for (String path : List.of("../shared/baseline/rules-research.md", "see shared/notes/build-and-test-here.md",
                "(research pitfall 3)", "in the research snapshot", "(research: absent)")) {
            assertTrue(OUTSIDE_FILE.matcher(path).find(), path);
        }
        for (String fine : List.of("controls: [DP-4]", "controls: [NS-1, NS-2]", "**[Deprecated]**", "a[i]",
                "[Preview]: Azure Cache for Redis should be Zone Redundant", "values[0]", "shared/ tokens")) {
            assertFalse(SOURCE_KEY.matcher(fine).find() || OUTSIDE_FILE.matcher(fine).find(), fine);
        }
    }

    private static List<String> matches(Path file, String text, Pattern pattern) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
            found.add(file + ":" + line + ": " + m.group());
        }
        return found;
    }

    /** The file's text, or null for a binary file (a keystore, an image). */
    private static String text(Path file) throws IOException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
