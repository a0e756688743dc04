package com.baselineguard.testing.arm;

import com.google.gson.JsonElement;
import java.util.LinkedHashMap;
import java.util.Map;

/** An answer before it is written to the wire; {@link #drop()} closes the connection instead. */
record Reply(int status, Map<String, String> headers, String body, boolean dropped) {

    Reply {
        headers = Map.copyOf(headers);
    }

    static Reply json(int status, JsonElement body) {
        return new Reply(status, Map.of(), body.toString(), false);
    }

    static Reply empty(int status) {
        return new Reply(status, Map.of(), "", false);
    }

    static Reply drop() {
        return new Reply(Request.DROPPED, Map.of(), "", true);
    }

    Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, more, body, dropped);
    }
}
