package com.baselineguard.arm;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.baselineguard.engine.port.ArmGateway;
import com.baselineguard.engine.port.ArmResponse;
import com.baselineguard.engine.port.ArmUnavailableException;
import com.baselineguard.identity.AzureHttp;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceId;
import com.baselineguard.model.ResourceType;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link ArmGateway} over the Azure SDK's ARM HTTP pipeline (authentication with the managed
 * identity, Retry-After aware retries of 408/429/5xx). Requests are sent as JSON exactly as the
 * engine built them, so a PATCH holds only the planned properties and nothing the SDK's models would
 * add or drop.
 */
public final class SdkArmGateway implements ArmGateway {

    private static final HttpHeaderName AZURE_ASYNC_OPERATION = HttpHeaderName.fromString("Azure-AsyncOperation");

    private final HttpPipeline pipeline;
    private final String endpoint;
    private final Duration timeout;
    private final Optional<Instant> deadline;
    private final Optional<Instant> waitsEndBy;

    /**
     * @param endpoint the ARM endpoint, e.g. {@code https://management.azure.com}
     * @param timeout the most one request may take, retries included
     */
    public SdkArmGateway(HttpPipeline pipeline, String endpoint, Duration timeout) {
        this.pipeline = pipeline;
        this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        this.timeout = timeout;
        this.deadline = Optional.empty();
        this.waitsEndBy = Optional.empty();
    }

    private SdkArmGateway(SdkArmGateway base, Instant deadline, Optional<Instant> waitsEndBy) {
        this.pipeline = base.pipeline;
        this.endpoint = base.endpoint;
        this.timeout = base.timeout;
        this.deadline = Optional.of(deadline);
        this.waitsEndBy = waitsEndBy;
    }

    @Override
    public ArmGateway within(Instant deadline) {
        return new SdkArmGateway(this, deadline, Optional.empty());
    }

    @Override
    public ArmGateway within(Instant deadline, Instant waitsEndBy) {
        return new SdkArmGateway(this, deadline, Optional.of(waitsEndBy));
    }

    @Override
    public ArmResponse get(ResourceId id) {
        return send(HttpMethod.GET, url(id.toString(), apiVersion(id)), null);
    }

    @Override
    public ArmResponse listRelated(ResourceId id, RelatedKind kind, Optional<String> nextLink) {
        ResourceType type = ResourceType.fromArmType(id.type())
                .orElseThrow(() -> new IllegalArgumentException("no related data is listed for " + id.type()));
        RelatedCollection collection = RelatedCollection.of(type, kind).orElseThrow(
                () -> new IllegalArgumentException("ARM has no " + kind.jsonName() + " list for " + type.armType()));
        String first = url(id + collection.suffix(), collection.apiVersion());
        if (nextLink.isEmpty()) {
            return send(HttpMethod.GET, first, null);
        }
        // A nextLink carries its own query ($skiptoken, api-version); it must be a page of this very list.
        String path = first.substring(0, first.indexOf('?'));
        String next = nextLink.get();
        boolean samePath = next.regionMatches(true, 0, path, 0, path.length())
                && (next.length() == path.length() || next.charAt(path.length()) == '?');
        if (!samePath) {
            throw new IllegalArgumentException("nextLink " + redact(next) + " is not a page of " + redact(first));
        }
        return send(HttpMethod.GET, next, null);
    }

    @Override
    public ArmResponse patch(ResourceId id, JsonObject body, Optional<String> ifMatch) {
        return send(HttpMethod.PATCH, url(id.toString(), apiVersion(id)), body, ifMatch);
    }

    @Override
    public ArmResponse putDiagnosticSetting(ResourceId id, String name, JsonObject body) {
        return send(HttpMethod.PUT, url(id + "/providers/Microsoft.Insights/diagnosticSettings/" + encode(name),
                ApiVersions.DIAGNOSTIC_SETTINGS), body);
    }

    @Override
    public ArmResponse resourceGraph(String query, List<String> subscriptions, List<String> managementGroups, int top,
            String skipToken) {
        JsonObject body = new JsonObject();
        if (!subscriptions.isEmpty()) {
            body.add("subscriptions", strings(subscriptions));
        }
        if (!managementGroups.isEmpty()) {
            body.add("managementGroups", strings(managementGroups));
        }
        body.addProperty("query", query);
        JsonObject options = new JsonObject();
        options.addProperty("$top", top);
        if (skipToken != null) {
            options.addProperty("$skipToken", skipToken);
        }
        options.addProperty("resultFormat", "objectArray");
        options.addProperty("allowPartialScopes", true);
        body.add("options", options);
        return send(HttpMethod.POST, url("/providers/Microsoft.ResourceGraph/resources", ApiVersions.RESOURCE_GRAPH), body);
    }

    private static String apiVersion(ResourceId id) {
        return ApiVersions.forArmType(id.type())
                .orElseThrow(() -> new IllegalArgumentException("no api-version for " + id.type()));
    }

    /** Characters a resource name may hold but a URL path may not ({@code { } ^ |}, spaces, non-ASCII) are percent-encoded. */
    private String url(String path, String apiVersion) {
        String encoded;
        try {
            encoded = new java.net.URI(null, null, path, null).toASCIIString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not a URL path: " + e.getMessage(), e);
        }
        return endpoint + encoded + "?api-version=" + apiVersion;
    }

    private ArmResponse send(HttpMethod method, String url, JsonObject body) {
        return send(method, url, body, Optional.empty());
    }

    private ArmResponse send(HttpMethod method, String url, JsonObject body, Optional<String> ifMatch) {
        HttpRequest request = new HttpRequest(method, url);
        if (body != null) {
            request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
            request.setBody(body.toString());
        }
        ifMatch.ifPresent(etag -> request.setHeader(HttpHeaderName.IF_MATCH, etag));
        Instant now = Instant.now();
        Instant until = deadline.filter(d -> d.isBefore(now.plus(timeout))).orElse(now.plus(timeout));
        Duration budget = Duration.between(now, until);
        if (budget.isNegative() || budget.isZero()) {
            throw new ArmUnavailableException(method + " " + redact(url) + " not sent: the invocation's deadline has passed",
                    null);
        }
        // Retry waits end by the deadline, or earlier when the caller waits no longer (the command line's --max-wait).
        Instant waitsUntil = waitsEndBy.filter(w -> w.isBefore(until)).orElse(until);
        Context context = new Context(ArmRetryPolicy.DEADLINE, waitsUntil);
        try (HttpResponse response = pipeline.send(request, context).block(budget.plusSeconds(1))) {
            if (response == null) {
                throw new ArmUnavailableException(method + " " + redact(url) + " got no response", null);
            }
            String text = response.getBodyAsString().block(timeout);
            return new ArmResponse(response.getStatusCode(), parse(text),
                    AzureHttp.retryAfter(response, java.time.Clock.systemUTC()),
                    Optional.ofNullable(response.getHeaderValue(AZURE_ASYNC_OPERATION))
                            .or(() -> Optional.ofNullable(response.getHeaderValue(HttpHeaderName.LOCATION))));
        } catch (ArmUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ArmUnavailableException(method + " " + redact(url) + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    private static JsonElement parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JsonParser.parseString(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** URLs hold no secrets, but keep log lines short. */
    private static String redact(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
