package com.baselineguard.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Entries a streamed document can write only at its end ({@code ignored[]}, {@code errors[]}): the
 * first few in memory, the rest in a temporary file, so that an export holding 100,000 items of other
 * types costs disk, not memory. Replayed in the order added.
 */
final class Spool implements AutoCloseable {

    private static final int IN_MEMORY = 1_000;

    private final List<JsonObject> memory = new ArrayList<>();
    private Path file;
    private BufferedWriter writer;

    void add(JsonObject entry) {
        if (file == null && memory.size() < IN_MEMORY) {
            memory.add(entry);
            return;
        }
        try {
            if (file == null) {
                file = Files.createTempFile("baseline-guard-spool", ".jsonl");
                writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            }
            writer.write(entry.toString());
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the temporary file " + file, e);
        }
    }

    void forEach(Consumer<JsonObject> action) {
        memory.forEach(action);
        if (file == null) {
            return;
        }
        try {
            writer.flush();
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    action.accept(JsonParser.parseString(line).getAsJsonObject());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the temporary file " + file, e);
        }
    }

    @Override
    public void close() {
        if (file == null) {
            return;
        }
        try {
            writer.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temporary file left behind is harmless.
        }
    }
}
