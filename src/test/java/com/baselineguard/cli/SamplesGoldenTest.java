package com.baselineguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.baselineguard.app.Composition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The command line's table and JSON for the bundled samples, held to reviewed copies in
 * src/test/resources/golden: any change to what an operator sees shows up here as a diff to review.
 * After an intended change, regenerate them with
 * {@code mvn -B -q test -Dtest=SamplesGoldenTest -Dbaselineguard.golden=update} and review the diff.
 */
class SamplesGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @Test
    void theTableOfTheSamples() throws IOException {
        check("samples.table.txt", EvaluateCommandTest.run("evaluate", "samples/"));
    }

    @Test
    void theJsonOfTheSamples() throws IOException {
        check("samples.json", EvaluateCommandTest.run("evaluate", "samples/", "--format", "json"));
    }

    @Test
    void theSarifOfTheSamples() throws IOException {
        // The SARIF names the working directory (originalUriBaseIds.SRCROOT): compared without it.
        check("samples.sarif", EvaluateCommandTest.run("evaluate", "samples/", "--format", "sarif"));
    }

    private static void check(String name, EvaluateCommandTest.Run run) throws IOException {
        assertEquals(1, run.exit(), run.err());
        assertEquals("", run.err());
        String actual = normalize(run.out());
        Path file = GOLDEN.resolve(name);
        if ("update".equals(System.getProperty("baselineguard.golden"))) {
            Files.writeString(file, actual);
        }
        assertEquals(Files.readString(file), actual, "evaluate samples/ changed; see " + file);
    }

    /** The build version and the working directory are the only parts that depend on where it runs. */
    private static String normalize(String output) {
        return output.replace(Composition.version(), "VERSION")
                .replace("\"semanticVersion\": \"" + Composition.version().replace("-SNAPSHOT", "") + "\"",
                        "\"semanticVersion\": \"VERSION\"")
                .replace(Path.of("").toAbsolutePath().toUri().toString(), "file:///WORKING_DIRECTORY/")
                .replace(System.lineSeparator(), "\n");
    }
}
