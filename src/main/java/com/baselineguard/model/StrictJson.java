package com.baselineguard.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;

/**
 * Parses JSON as RFC 8259 defines it. Gson's default parser is lenient (unquoted names, comments,
 * trailing content); input that is not JSON must be refused with a clear message instead.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /**
     * @throws IllegalArgumentException with the parser's message (line and column) when {@code text}
     *     is not one JSON value
     */
    public static JsonElement parse(String text) {
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            JsonElement root = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException("unexpected content after the JSON value");
            }
            return root;
        } catch (IOException e) {
            throw new IllegalArgumentException(message(e), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(message(e), e);
        } catch (StackOverflowError e) {
            throw new IllegalArgumentException("nested too deeply", e);
        }
    }

    private static String message(Throwable e) {
        Throwable cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        int see = message.indexOf("\nSee https://");
        return (see >= 0 ? message.substring(0, see) : message).replace('\n', ' ');
    }
}
