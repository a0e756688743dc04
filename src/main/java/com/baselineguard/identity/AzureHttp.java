package com.baselineguard.identity;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The process's one HTTP client (the JDK's, through azure-core-http-jdk-httpclient) for Azure Resource
 * Manager and the managed-identity endpoint: one connection pool and one TLS set-up per process. Made on
 * first use, when the credential or the ARM pipeline is built, never by offline evaluation. Also what the
 * SDK clients' retry conditions share.
 */
public final class AzureHttp {

    private AzureHttp() {
    }

    public static HttpClient client() {
        return Holder.CLIENT;
    }

    /**
     * Whether an answer asks to wait longer than {@code limit} before a retry: {@code retry-after-ms},
     * {@code x-ms-retry-after-ms}, or {@code Retry-After} in seconds or as an HTTP date (RFC 9110, section
     * 10.2.3). azure-core's RetryPolicy waits whatever such a header asks; the SDK clients built with a retry
     * condition use this to hand such an answer back instead of holding the caller for as long as the server asked.
     */
    public static boolean asksToWaitLongerThan(HttpResponse response, Duration limit) {
        for (String name : new String[] {"retry-after-ms", "x-ms-retry-after-ms"}) {
            String ms = response.getHeaderValue(HttpHeaderName.fromString(name));
            if (ms != null) {
                try {
                    return Duration.ofMillis(Long.parseLong(ms.trim())).compareTo(limit) > 0;
                } catch (NumberFormatException e) {
                    // fall through to Retry-After
                }
            }
        }
        String value = response.getHeaderValue(HttpHeaderName.RETRY_AFTER);
        if (value == null || value.isBlank()) {
            return false;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim())).compareTo(limit) > 0;
        } catch (NumberFormatException | ArithmeticException e) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Duration.between(Instant.now(), at).compareTo(limit) > 0;
            } catch (RuntimeException notADate) {
                return false;
            }
        }
    }

    private static final class Holder {
        static final HttpClient CLIENT = HttpClient.createDefault();
    }
}
