package com.baselineguard.identity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Every form a server's wait may take (RFC 9110, section 10.2.3, and the millisecond headers Azure services send). */
class AzureHttpTest {

    private static HttpResponse answer(String header, String value) {
        HttpHeaders headers = new HttpHeaders().set(HttpHeaderName.fromString(header), value);
        return new HttpResponse(new HttpRequest(HttpMethod.GET, "https://example.invalid/")) {
            @Override
            public int getStatusCode() {
                return 429;
            }

            @Override
            @Deprecated
            public String getHeaderValue(String name) {
                return headers.getValue(name);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }

            @Override
            public Flux<ByteBuffer> getBody() {
                return Flux.empty();
            }

            @Override
            public Mono<byte[]> getBodyAsByteArray() {
                return Mono.empty();
            }

            @Override
            public Mono<String> getBodyAsString() {
                return Mono.empty();
            }

            @Override
            public Mono<String> getBodyAsString(Charset charset) {
                return Mono.empty();
            }
        };
    }

    @Test
    void secondsMillisecondsAndHttpDatesAreAllRead() {
        Duration limit = Duration.ofSeconds(5);
        assertTrue(AzureHttp.asksToWaitLongerThan(answer("Retry-After", "30"), limit));
        assertFalse(AzureHttp.asksToWaitLongerThan(answer("Retry-After", "5"), limit));
        assertTrue(AzureHttp.asksToWaitLongerThan(answer("retry-after-ms", "5001"), limit));
        assertFalse(AzureHttp.asksToWaitLongerThan(answer("x-ms-retry-after-ms", "800"), limit));
        String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(1));
        assertTrue(AzureHttp.asksToWaitLongerThan(answer("Retry-After", inAMinute), limit));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(1));
        assertFalse(AzureHttp.asksToWaitLongerThan(answer("Retry-After", past), limit));
        assertFalse(AzureHttp.asksToWaitLongerThan(answer("Retry-After", "soon"), limit), "unreadable: the backoff decides");
        assertFalse(AzureHttp.asksToWaitLongerThan(answer("x-other", "1"), limit), "none given");
    }
}
