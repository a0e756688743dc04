package com.baselineguard.function;

import com.baselineguard.app.Composition;
import com.baselineguard.engine.Outcome;
import com.baselineguard.engine.Remediator;
import com.baselineguard.engine.Trigger;
import com.baselineguard.model.StrictJson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.OutputBinding;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.annotation.QueueOutput;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Manual remediation: {@code POST /api/remediate} with {@code {"resourceId": "...", "dryRun": true}}
 * and {@code GET /api/evaluate?resourceId=...}, both answering with the outcome record. Bad requests
 * get a 400 with a JSON error before any ARM call; a resource that does not exist gets a 404.
 */
public final class RemediateResource {

    static final int MAX_BODY_CHARS = 64 * 1024;
    private static final Set<String> FIELDS = Set.of("resourceId", "dryRun");

    private final Supplier<Composition> composition;

    public RemediateResource() {
        this(Composition::instance);
    }

    RemediateResource(Supplier<Composition> composition) {
        this.composition = composition;
    }

    @FunctionName("RemediateResource")
    public HttpResponseMessage remediate(
            @HttpTrigger(name = "request", methods = {HttpMethod.POST}, route = "remediate",
                    authLevel = AuthorizationLevel.FUNCTION) HttpRequestMessage<Optional<String>> request,
            @QueueOutput(name = "followUp", queueName = Outcomes.QUEUE, connection = Outcomes.CONNECTION)
                    OutputBinding<String> followUp,
            final ExecutionContext context) {
        String body = request.getBody().orElse("");
        if (body.length() > MAX_BODY_CHARS) {
            return error(request, HttpStatus.BAD_REQUEST, "the body is larger than " + MAX_BODY_CHARS + " characters");
        }
        JsonObject object;
        try {
            JsonElement parsed = StrictJson.parse(body);
            if (!parsed.isJsonObject()) {
                return error(request, HttpStatus.BAD_REQUEST, "the body must be a JSON object {\"resourceId\": ..., \"dryRun\": ...}");
            }
            object = parsed.getAsJsonObject();
        } catch (IllegalArgumentException e) {
            return error(request, HttpStatus.BAD_REQUEST, "the body is not JSON: " + e.getMessage());
        }
        for (String field : object.keySet()) {
            if (!FIELDS.contains(field)) {
                // A mistyped "dryRun" must not turn a dry run into a live write.
                return error(request, HttpStatus.BAD_REQUEST, "unknown field \"" + field + "\"; expected resourceId and dryRun");
            }
        }
        JsonElement id = object.get("resourceId");
        if (id == null || !id.isJsonPrimitive() || !id.getAsJsonPrimitive().isString()) {
            return error(request, HttpStatus.BAD_REQUEST, "\"resourceId\" must be a string");
        }
        JsonElement dryRun = object.get("dryRun");
        if (dryRun != null && !(dryRun.isJsonPrimitive() && dryRun.getAsJsonPrimitive().isBoolean())) {
            return error(request, HttpStatus.BAD_REQUEST, "\"dryRun\" must be true or false");
        }
        return run(request, id.getAsString(), dryRun != null && dryRun.getAsBoolean(), followUp, context);
    }

    @FunctionName("EvaluateResource")
    public HttpResponseMessage evaluate(
            @HttpTrigger(name = "request", methods = {HttpMethod.GET}, route = "evaluate",
                    authLevel = AuthorizationLevel.FUNCTION) HttpRequestMessage<Optional<String>> request,
            final ExecutionContext context) {
        String id = request.getQueryParameters().get("resourceId");
        if (id == null || id.isBlank()) {
            return error(request, HttpStatus.BAD_REQUEST, "query parameter resourceId is required");
        }
        return run(request, id, true, null, context);
    }

    private HttpResponseMessage run(HttpRequestMessage<Optional<String>> request, String resourceId, boolean dryRun,
            OutputBinding<String> followUp, ExecutionContext context) {
        Composition app = composition.get();
        Remediator remediator = app.remediator();
        Optional<String> refusal = remediator.refusal(resourceId);
        if (refusal.isPresent()) {
            return error(request, HttpStatus.BAD_REQUEST, refusal.get());
        }
        Outcome outcome = remediator.handle(remediator.start(resourceId, Trigger.HTTP,
                Optional.empty(), Optional.ofNullable(context.getInvocationId()), dryRun));
        if (followUp != null) {
            Outcomes.finish(context, app, outcome, followUp);
        } else {
            Outcomes.log(context, app, outcome);
        }
        HttpStatus status = switch (outcome.result()) {
            case GONE -> HttpStatus.NOT_FOUND;
            case FAILED -> HttpStatus.BAD_GATEWAY;
            case DEFERRED -> HttpStatus.ACCEPTED;
            default -> HttpStatus.OK;
        };
        return request.createResponseBuilder(status).header("Content-Type", "application/json")
                .body(outcome.toJson().toString()).build();
    }

    private static HttpResponseMessage error(HttpRequestMessage<Optional<String>> request, HttpStatus status,
            String message) {
        JsonObject error = new JsonObject();
        error.addProperty("error", message);
        return request.createResponseBuilder(status).header("Content-Type", "application/json")
                .body(error.toString()).build();
    }
}
