package com.baselineguard.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One output format of {@code evaluate}, written as the run goes: each resource as soon as it is
 * evaluated, the summary at the end. Nothing is held per resource.
 */
interface ReportWriter extends AutoCloseable {

    void resource(Evaluated evaluated);

    void ignored(ExportReader.Ignored item);

    void error(ExportReader.InputError error);

    /** Writes what comes after the last resource. */
    void finish(RunSummary summary);

    /** Hands what is written so far on to the reader of the output. */
    void flush();

    @Override
    default void close() {
    }

    /** The two writers' settings, made once. */
    final class Gsons {
        static final com.google.gson.Gson WITH_NULLS = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
        static final com.google.gson.Gson WITHOUT_NULLS = new GsonBuilder().disableHtmlEscaping().create();

        private Gsons() {
        }
    }

    /** The JSON form of an ignored item ({@code ignored[]}). */
    static JsonObject json(ExportReader.Ignored item) {
        JsonObject o = new JsonObject();
        o.addProperty("file", item.file().toString());
        o.addProperty("id", item.id());
        o.addProperty("type", item.type());
        o.addProperty("reason", item.reason());
        return o;
    }

    /** The JSON form of an input error ({@code errors[]}). */
    static JsonObject json(ExportReader.InputError error) {
        JsonObject o = new JsonObject();
        o.addProperty("file", error.file().toString());
        o.addProperty("message", error.message());
        return o;
    }

    /**
     * Writes a tree into a streamed document with the outputs' settings (no HTML escaping; nulls
     * written out when {@code nulls}).
     */
    static void write(JsonWriter writer, JsonElement value, boolean nulls) {
        try {
            (nulls ? Gsons.WITH_NULLS : Gsons.WITHOUT_NULLS).toJson(value, writer);
        } catch (com.google.gson.JsonIOException e) {
            throw new UncheckedIOException(new IOException(e.getMessage(), e));
        }
    }
}
