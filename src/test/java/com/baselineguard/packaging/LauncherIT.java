package com.baselineguard.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/baseline-guard}, the command the README gives, on what {@code mvn package} built: it runs
 * the jar with the options in bin/jvm.options and the class-data archive made at package time, prints
 * exactly what {@code java -jar} prints, honours JAVA_HOME, JAVA_OPTS and BASELINE_GUARD_OPTS, and
 * works through a symbolic link from anywhere. Runs after package (failsafe).
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("bin", "baseline-guard").toAbsolutePath();
    private static final Path JAR = Path.of("target", "baseline-guard-cli.jar").toAbsolutePath();
    private static final Path ARCHIVE = Path.of("target", "baseline-guard-cli.jsa").toAbsolutePath();
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    record Run(int exit, String out, String err) {
    }

    private static Run run(Path directory, Map<String, String> environment, List<String> command) throws IOException,
            InterruptedException {
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("BASELINE_GUARD_OPTS");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        int exit = builder.start().waitFor();
        Run run = new Run(exit, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    private static List<String> launcher(String... args) {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void printsWhatJavaJarPrints() throws Exception {
        Path samples = Path.of("samples").toAbsolutePath();
        for (String format : List.of("table", "json", "jsonl", "sarif")) {
            Run launched = run(Path.of("."), Map.of(), launcher("evaluate", samples.toString(), "--format", format));
            Run plain = run(Path.of("."), Map.of(), List.of(JAVA, "-jar", JAR.toString(), "evaluate", samples.toString(),
                    "--format", format));
            assertEquals(1, launched.exit(), launched.err());
            assertEquals(plain.exit(), launched.exit());
            assertEquals(plain.out(), launched.out(), format);
            assertEquals("", launched.err(), format);
        }
    }

    @Test
    void runsTheChosenJvmOptionsAndTheOperatorsAfterThem() throws Exception {
        Run chosen = run(Path.of("."), Map.of("BASELINE_GUARD_OPTS", "-XX:+PrintFlagsFinal"), launcher("--version"));
        assertEquals(0, chosen.exit(), chosen.err());
        assertTrue(chosen.out().matches("(?s).*\\bTieredStopAtLevel\\s+= 1\\b.*"), "C1 only");
        assertTrue(chosen.out().matches("(?s).*\\bUseSerialGC\\s+= true\\b.*"), "serial collector");
        assertTrue(chosen.out().contains("baseline-guard " + version()), "the command ran");
        Run overridden = run(Path.of("."), Map.of("JAVA_OPTS", "-XX:TieredStopAtLevel=4",
                "BASELINE_GUARD_OPTS", "-XX:+PrintFlagsFinal -XX:-UseSerialGC -XX:+UseParallelGC"), launcher("--version"));
        assertEquals(0, overridden.exit(), overridden.err());
        assertTrue(overridden.out().matches("(?s).*\\bTieredStopAtLevel\\s+= 4\\b.*"), "JAVA_OPTS after the chosen options");
        assertTrue(overridden.out().matches("(?s).*\\bUseParallelGC\\s+= true\\b.*"), "BASELINE_GUARD_OPTS too");
    }

    @Test
    void startsFromTheClassDataArchiveMadeAtPackageTime() throws Exception {
        assertTrue(Files.isRegularFile(ARCHIVE), "mvn package makes " + ARCHIVE);
        Path log = Files.createTempFile("class-load", ".txt");
        Run run = run(Path.of("."), Map.of("BASELINE_GUARD_OPTS", "-Xlog:class+load:file=" + log),
                launcher("evaluate", Path.of("samples").toAbsolutePath().toString()));
        assertEquals(1, run.exit(), run.err());
        List<String> lines = Files.readAllLines(log);
        Files.delete(log);
        long fromArchive = lines.stream().filter(l -> l.contains(" com.baselineguard.") && l.contains("shared objects file")).count();
        long fromJar = lines.stream().filter(l -> l.contains(" com.baselineguard.") && l.contains("source: file:")).count();
        assertTrue(fromArchive > 100 && fromArchive > 5 * fromJar, fromArchive + " of Baseline Guard's classes from the"
                + " archive, " + fromJar + " from the jar");
    }

    @Test
    void honoursJavaHomeAndWorksThroughALinkFromAnywhere() throws Exception {
        Run missing = run(Path.of("."), Map.of("JAVA_HOME", "/nonexistent/jdk"), launcher("--version"));
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("JAVA_HOME is set to '/nonexistent/jdk', which has no bin/java"), missing.err());
        Path elsewhere = Files.createTempDirectory("launcher-link");
        Path link = Files.createSymbolicLink(elsewhere.resolve("bg"), LAUNCHER);
        Run linked = run(elsewhere, Map.of(), List.of(link.toString(), "--version"));
        assertEquals(0, linked.exit(), linked.err());
        assertEquals("baseline-guard " + version(), linked.out().trim());
        Files.delete(link);
        Files.delete(elsewhere);
    }

    private static String version() throws IOException, InterruptedException {
        return run(Path.of("."), Map.of(), List.of(JAVA, "-jar", JAR.toString(), "--version")).out().trim()
                .replace("baseline-guard ", "");
    }
}
