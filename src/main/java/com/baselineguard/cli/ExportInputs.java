package com.baselineguard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The inputs of one {@code evaluate}: the files named on the command line, the files of the folders
 * named (recursively, sorted by path), and standard input for {@code -}.
 *
 * <p>Standard input is copied to a temporary file as it arrives (deleted when the run ends), because
 * the reader passes over its inputs twice: once to collect the related items (which may come after
 * their resource, or in another input), once to evaluate. Memory stays flat; disk holds the copy.
 */
final class ExportInputs implements AutoCloseable {

    /** The argument that names standard input. */
    static final String STDIN = "-";

    /** One input: the file to read and the name it is shown under (the path as given, or {@code -}). */
    record Input(Path file, Path shown) {
        /** JSON Lines by name; other files are sniffed ({@link ExportDocument#open}). */
        boolean jsonLinesByName() {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".jsonl") || name.endsWith(".ndjson");
        }
    }

    /** An input the first pass read through, and how it is laid out. */
    record Usable(Input input, boolean jsonLines) {
    }

    private final List<Input> inputs;
    private final List<Path> temporary;

    private ExportInputs(List<Input> inputs, List<Path> temporary) {
        this.inputs = List.copyOf(inputs);
        this.temporary = List.copyOf(temporary);
    }

    List<Input> inputs() {
        return inputs;
    }

    /**
     * Resolves the paths in command-line order; each path that cannot be used is reported to
     * {@code errors} and the others are still returned.
     */
    static ExportInputs resolve(List<Path> paths, InputStream stdin, Consumer<ExportReader.InputError> errors) {
        List<Input> inputs = new ArrayList<>();
        List<Path> temporary = new ArrayList<>();
        boolean stdinSeen = false;
        for (Path path : paths) {
            if (path.toString().equals(STDIN)) {
                if (stdinSeen) {
                    errors.accept(new ExportReader.InputError(path, "standard input can be read only once"));
                    continue;
                }
                stdinSeen = true;
                try {
                    Path copy = Files.createTempFile("baseline-guard-stdin", ".json");
                    temporary.add(copy);
                    try (InputStream in = stdin) {
                        Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                    inputs.add(new Input(copy, path));
                } catch (IOException | UncheckedIOException e) {
                    errors.accept(new ExportReader.InputError(path, "cannot read standard input: " + e.getMessage()));
                }
            } else if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    List<Path> found = walk.filter(Files::isRegularFile).filter(ExportInputs::isExport).sorted().toList();
                    if (found.isEmpty()) {
                        errors.accept(new ExportReader.InputError(path, "folder holds no .json, .jsonl or .ndjson files"));
                    }
                    found.forEach(f -> inputs.add(new Input(f, f)));
                } catch (IOException | RuntimeException e) {
                    errors.accept(new ExportReader.InputError(path, "cannot list folder: " + e.getMessage()));
                }
            } else if (Files.isRegularFile(path)) {
                inputs.add(new Input(path, path));
            } else {
                errors.accept(new ExportReader.InputError(path,
                        Files.exists(path) ? "not a regular file or folder" : "no such file or folder"));
            }
        }
        return new ExportInputs(inputs, temporary);
    }

    private static boolean isExport(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson");
    }

    @Override
    public void close() {
        for (Path file : temporary) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A temporary copy left behind is harmless; the run's result does not depend on it.
            }
        }
    }
}
