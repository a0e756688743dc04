package com.baselineguard.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
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

    /** The one reading the ARM retry policy and the SDK retry condition share: exact values on a fixed clock. */
    @Test
    void retryAfterReadsTheMillisecondHeadersFirstThenSecondsOrADate() {
        Clock clock = Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC);
        assertEquals(Optional.of(Duration.ofSeconds(7)), AzureHttp.retryAfter(answer("Retry-After", " 7 "), clock));
        assertEquals(Optional.of(Duration.ofMillis(1500)), AzureHttp.retryAfter(answer("retry-after-ms", "1500"), clock));
        assertEquals(Optional.of(Duration.ofMillis(250)), AzureHttp.retryAfter(answer("x-ms-retry-after-ms", "250"), clock));
        assertEquals(Optional.empty(), AzureHttp.retryAfter(answer("retry-after-ms", "soon"), clock),
                "an unreadable millisecond header falls through to Retry-After, absent here");
        assertEquals(Optional.of(Duration.ofSeconds(90)),
                AzureHttp.retryAfter(answer("Retry-After", "Wed, 01 May 2024 12:01:30 GMT"), clock));
        assertEquals(Optional.of(Duration.ZERO), AzureHttp.retryAfter(answer("Retry-After", "Wed, 01 May 2024 11:00:00 GMT"), clock),
                "a date in the past: no wait");
        assertEquals(Optional.empty(), AzureHttp.retryAfter(answer("Retry-After", " "), clock));
        assertEquals(Optional.empty(), AzureHttp.retryAfter(answer("x-other", "1"), clock));
    }
}
