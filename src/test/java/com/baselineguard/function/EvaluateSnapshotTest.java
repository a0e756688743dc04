package com.baselineguard.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.baselineguard.config.SettingsLoader;
import com.baselineguard.engine.Evaluator;
import com.baselineguard.rules.Catalog;
import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EvaluateSnapshotTest {

    private final Catalog catalog = Catalog.standard();
    private final EvaluateSnapshot function = new EvaluateSnapshot(
            () -> new Evaluator(catalog, SettingsLoader.load(Map.of(), catalog)));

    @Test
    void evaluatesAPostedResource() {
        HttpResponseMessage response = post(Fixtures.json("Microsoft.Cache/redis/2017-10-01_RedisCacheGet.json").toString());
        assertEquals(HttpStatus.OK, response.getStatus());
        JsonObject body = JsonParser.parseString((String) response.getBody()).getAsJsonObject();
        assertEquals("/subscriptions/subid/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1", body.get("id").getAsString());
        assertTrue(body.getAsJsonArray("plan").size() > 0);
    }

    @Test
    void refusesBadBodiesWithAJsonError() {
        for (String bad : new String[] {"", "not json", "[]", "{\"id\": 1}", "{\"name\": \"x\"}",
                "{\"id\":\"/subscriptions/s/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/a\"}",
                "[".repeat(100_000)}) {
            HttpResponseMessage response = post(bad);
            assertEquals(HttpStatus.BAD_REQUEST, response.getStatus(), bad.length() > 50 ? "deep nesting" : bad);
            JsonObject error = JsonParser.parseString((String) response.getBody()).getAsJsonObject();
            assertTrue(error.get("error").getAsString().length() > 5, error.toString());
        }
    }

    private HttpResponseMessage post(String body) {
        @SuppressWarnings("unchecked")
        HttpRequestMessage<Optional<String>> request = mock(HttpRequestMessage.class);
        when(request.getBody()).thenReturn(Optional.of(body));
        when(request.createResponseBuilder(any(HttpStatus.class))).thenAnswer(
                invocation -> new Builder(invocation.getArgument(0)));
        return function.run(request, mock(ExecutionContext.class));
    }

    /** A plain response builder, as the Functions host supplies. */
    private static final class Builder implements HttpResponseMessage.Builder {
        private HttpStatusType status;
        private final Map<String, String> headers = new HashMap<>();
        private Object body;

        Builder(HttpStatusType status) {
            this.status = status;
        }

        @Override
        public HttpResponseMessage.Builder status(HttpStatusType status) {
            this.status = status;
            return this;
        }

        @Override
        public HttpResponseMessage.Builder header(String key, String value) {
            headers.put(key, value);
            return this;
        }

        @Override
        public HttpResponseMessage.Builder body(Object body) {
            this.body = body;
            return this;
        }

        @Override
        public HttpResponseMessage build() {
            return new HttpResponseMessage() {
                @Override
                public HttpStatusType getStatus() {
                    return status;
                }

                @Override
                public String getHeader(String key) {
                    return headers.get(key);
                }

                @Override
                public Object getBody() {
                    return body;
                }
            };
        }
    }
}
