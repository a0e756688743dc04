package com.baselineguard.testing.arm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns one authenticated-or-not ARM request into an answer: checks the bearer token and the
 * api-version, then dispatches on the path to resources, diagnostic settings, firewall rules,
 * operations and Resource Graph.
 */
final class ArmRouter {

    private static final String GRAPH_PATH = "/providers/microsoft.resourcegraph/resources";
    private static final String DIAGNOSTIC_SETTINGS = "/providers/microsoft.insights/diagnosticsettings";
    /** The child lists ARM answers with {@code {"value": [...], "nextLink": ...}}. */
    private static final java.util.List<String> CHILD_LISTS =
            java.util.List.of("firewallRules", "privateEndpointConnections", "certificates");
    static final String OPERATIONS = "/operations/";
    static final String OPERATION_RESULTS = "/operationResults/";

    private final ArmState state;
    private final ResourceGraph graph;
    private final Predicate<String> tokenIssued;
    private final String endpoint;

    ArmRouter(ArmState state, ResourceGraph graph, Predicate<String> tokenIssued, String endpoint) {
        this.state = state;
        this.graph = graph;
        this.tokenIssued = tokenIssued;
        this.endpoint = endpoint;
    }

    /** The answer to one ARM request; like the recorded ARM answers it carries {@code Retry-After: 0}. */
    Reply route(Request request) {
        Reply reply = answer(request);
        return reply.headers().keySet().stream().anyMatch("Retry-After"::equalsIgnoreCase) ? reply
                : reply.withHeader("Retry-After", "0");
    }

    /** Operations that read or rotate secrets: Baseline Guard must never call them. */
    static final java.util.regex.Pattern SECRET_OPERATIONS = java.util.regex.Pattern.compile(
            "listKeys|regenerateKey|listConnectionStrings", java.util.regex.Pattern.CASE_INSENSITIVE);

    private Reply answer(Request request) {
        if (SECRET_OPERATIONS.matcher(request.path()).find()) {
            SecretOperations.record(request);
            return Reply.json(403, ArmJson.error("ForbiddenByTest",
                    "Baseline Guard must never call a secret-reading operation: " + request.method() + " " + request.path()));
        }
        String authorization = request.header("Authorization");
        if (authorization == null) {
            return ArmErrors.authenticationFailed("The 'Authorization' header is missing.");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || !tokenIssued.test(authorization.substring(7).trim())) {
            return ArmErrors.authenticationFailed("The access token was not issued by this stand-in's identity endpoint.");
        }
        if (request.apiVersion() == null || request.apiVersion().isBlank()) {
            return ArmErrors.missingApiVersion();
        }
        String path = request.path().endsWith("/") ? request.path().substring(0, request.path().length() - 1)
                : request.path();
        String lower = path.toLowerCase(Locale.ROOT);
        String method = request.method().toUpperCase(Locale.ROOT);

        if (lower.equals(GRAPH_PATH)) {
            return method.equals("POST") ? graph.query(request.body(), state.all()) : ArmErrors.unsupported(request);
        }
        if (path.startsWith(OPERATIONS) && method.equals("GET")) {
            return operationStatus(path.substring(OPERATIONS.length()));
        }
        if (path.startsWith(OPERATION_RESULTS) && method.equals("GET")) {
            return operationResult(path.substring(OPERATION_RESULTS.length()), request.apiVersion());
        }
        int diagnostic = lower.indexOf(DIAGNOSTIC_SETTINGS);
        if (diagnostic > 0) {
            return diagnosticSettings(request, path.substring(0, diagnostic),
                    path.substring(diagnostic + DIAGNOSTIC_SETTINGS.length()));
        }
        for (String collection : CHILD_LISTS) {
            String suffix = "/" + collection.toLowerCase(Locale.ROOT);
            if (lower.endsWith(suffix) && method.equals("GET")) {
                return childList(request, path.substring(0, path.length() - suffix.length()), collection);
            }
        }
        return switch (method) {
            case "GET" -> state.read(path).map(resource -> Reply.json(200, resource))
                    .orElseGet(() -> ArmErrors.notFound(path));
            case "PATCH" -> patch(path, request);
            default -> ArmErrors.unsupported(request);
        };
    }

    /** One page of a child list; the next page is named by nextLink with a $skiptoken, as ARM pages lists. */
    private Reply childList(Request request, String parentId, String collection) {
        Optional<java.util.List<JsonObject>> items = state.children(parentId, collection);
        if (items.isEmpty()) {
            return ArmErrors.notFound(parentId);
        }
        int from;
        try {
            from = Integer.parseInt(request.query().getOrDefault("$skiptoken", "0"));
        } catch (NumberFormatException e) {
            return Reply.json(400, ArmJson.error("InvalidSkipToken", "The skip token is not valid."));
        }
        java.util.List<JsonObject> all = items.get();
        int to = Math.min(all.size(), from + state.listPageSize());
        JsonObject page = ArmJson.valueList(all.subList(Math.min(from, all.size()), to));
        if (to < all.size()) {
            page.addProperty("nextLink", endpoint + request.path() + "?api-version=" + request.apiVersion()
                    + "&$skiptoken=" + to);
        }
        return Reply.json(200, page);
    }

    private Reply patch(String id, Request request) {
        Optional<JsonObject> body = objectBody(request);
        if (body.isEmpty()) {
            return invalidContent();
        }
        JsonObject patch = body.get();
        String ifMatch = request.header("If-Match");
        try {
            if (!state.patchesAsynchronously(id)) {
                return state.patch(id, patch, ifMatch).map(merged -> Reply.json(200, merged))
                        .orElseGet(() -> ArmErrors.notFound(id));
            }
            return asyncPatch(id, patch, ifMatch, request);
        } catch (ArmState.PreconditionFailed e) {
            return Reply.json(412, ArmJson.error("PreconditionFailed", e.getMessage()));
        }
    }

    private Reply asyncPatch(String id, JsonObject patch, String ifMatch, Request request) {
        return state.patchAsynchronously(id, patch, ifMatch)
                .map(operationId -> Reply.empty(202)
                        .withHeader("Azure-AsyncOperation", operationUrl(OPERATIONS, operationId, request.apiVersion()))
                        .withHeader("Location", operationUrl(OPERATION_RESULTS, operationId, request.apiVersion()))
                        .withHeader("Retry-After", "0"))
                .orElseGet(() -> ArmErrors.notFound(id));
    }

    private Reply operationStatus(String operationId) {
        return state.poll(operationId).map(poll -> Reply.json(200, poll.status()))
                .orElseGet(() -> operationNotFound(operationId));
    }

    /** ARM's Location protocol: 202 while running, then 200 with the resource. */
    private Reply operationResult(String operationId, String apiVersion) {
        return state.poll(operationId)
                .map(poll -> poll.done() && poll.resource() != null ? Reply.json(200, poll.resource())
                        : Reply.empty(202)
                                .withHeader("Location", operationUrl(OPERATION_RESULTS, operationId, apiVersion))
                                .withHeader("Retry-After", "0"))
                .orElseGet(() -> operationNotFound(operationId));
    }

    private Reply diagnosticSettings(Request request, String resourceId, String rest) {
        String method = request.method().toUpperCase(Locale.ROOT);
        if (rest.isEmpty() && method.equals("GET")) {
            return state.diagnosticSettings(resourceId).map(list -> Reply.json(200, ArmJson.valueList(list)))
                    .orElseGet(() -> ArmErrors.notFound(resourceId));
        }
        String name = rest.startsWith("/") && rest.indexOf('/', 1) < 0 ? rest.substring(1) : "";
        if (name.isEmpty()) {
            return ArmErrors.unsupported(request);
        }
        if (!state.exists(resourceId)) {
            return ArmErrors.notFound(resourceId);
        }
        return switch (method) {
            case "GET" -> state.diagnosticSetting(resourceId, name).map(setting -> Reply.json(200, setting))
                    .orElseGet(() -> Reply.json(404, ArmJson.error("ResourceNotFound",
                            "The diagnostic setting '" + name + "' was not found on '" + resourceId + "'.")));
            case "PUT" -> putDiagnosticSetting(request, resourceId, name);
            default -> ArmErrors.unsupported(request);
        };
    }

    private Reply putDiagnosticSetting(Request request, String resourceId, String name) {
        return objectBody(request)
                .map(body -> state.putDiagnosticSetting(resourceId, name, body).map(setting -> Reply.json(200, setting))
                        .orElseGet(() -> ArmErrors.notFound(resourceId)))
                .orElseGet(ArmRouter::invalidContent);
    }

    private static Optional<JsonObject> objectBody(Request request) {
        try {
            JsonElement body = JsonParser.parseString(request.body());
            return body.isJsonObject() ? Optional.of(body.getAsJsonObject()) : Optional.empty();
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }

    private static Reply invalidContent() {
        return Reply.json(400, ArmJson.error("InvalidRequestContent",
                "The request content was invalid and could not be deserialized: a JSON object is required."));
    }

    private static Reply operationNotFound(String operationId) {
        return Reply.json(404, ArmJson.error("ResourceNotFound", "The operation '" + operationId + "' was not found."));
    }

    private String operationUrl(String kind, String operationId, String apiVersion) {
        return endpoint + kind + operationId + "?api-version=" + apiVersion;
    }
}
