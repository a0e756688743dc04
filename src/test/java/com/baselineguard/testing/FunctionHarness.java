package com.baselineguard.testing;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import com.microsoft.azure.functions.OutputBinding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What the Functions host hands a function: a context whose log is captured, bindings, HTTP messages. */
public final class FunctionHarness {

    private FunctionHarness() {
    }

    /** An ExecutionContext whose logger keeps every record. */
    public static final class Context {
        public final ExecutionContext context = mock(ExecutionContext.class);
        public final List<LogRecord> records = new ArrayList<>();

        public Context() {
            Logger logger = Logger.getAnonymousLogger();
            logger.setUseParentHandlers(false);
            logger.addHandler(new Handler() {
                @Override
                public void publish(LogRecord record) {
                    records.add(record);
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            });
            when(context.getLogger()).thenReturn(logger);
            when(context.getInvocationId()).thenReturn("00000000-0000-0000-0000-00000000c0de");
            when(context.getFunctionName()).thenReturn("test");
        }

        /** The outcome records logged, parsed. */
        public List<JsonObject> outcomes() {
            return records.stream().map(LogRecord::getMessage).filter(m -> m.startsWith("BaselineGuardOutcome "))
                    .map(m -> JsonParser.parseString(m.substring("BaselineGuardOutcome ".length())).getAsJsonObject())
                    .toList();
        }
    }

    /** An output binding that keeps what the function set. */
    public static final class Binding<T> implements OutputBinding<T> {
        private T value;

        @Override
        public T getValue() {
            return value;
        }

        @Override
        public void setValue(T value) {
            this.value = value;
        }
    }

    /** An HTTP request with a body and query parameters. */
    public static HttpRequestMessage<Optional<String>> request(String body, Map<String, String> query) {
        @SuppressWarnings("unchecked")
        HttpRequestMessage<Optional<String>> request = mock(HttpRequestMessage.class);
        when(request.getBody()).thenReturn(Optional.ofNullable(body));
        when(request.getQueryParameters()).thenReturn(query);
        when(request.createResponseBuilder(any(HttpStatus.class))).thenAnswer(i -> new Response(i.getArgument(0)));
        return request;
    }

    /** A plain response builder, as the Functions host supplies. */
    public static final class Response implements HttpResponseMessage.Builder {
        private HttpStatusType status;
        private final Map<String, String> headers = new HashMap<>();
        private Object body;

        Response(HttpStatusType status) {
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
            HttpStatusType finalStatus = status;
            Object finalBody = body;
            return new HttpResponseMessage() {
                @Override
                public HttpStatusType getStatus() {
                    return finalStatus;
                }

                @Override
                public String getHeader(String key) {
                    return headers.get(key);
                }

                @Override
                public Object getBody() {
                    return finalBody;
                }
            };
        }
    }

    /** The JSON body of a response. */
    public static JsonObject json(HttpResponseMessage response) {
        return JsonParser.parseString((String) response.getBody()).getAsJsonObject();
    }
}
