package com.baselineguard.function;

import com.baselineguard.app.Composition;
import com.baselineguard.engine.Evaluator;
import com.baselineguard.engine.ReportJson;
import com.baselineguard.model.SnapshotEnvelope;
import com.baselineguard.model.StrictJson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code POST /api/evaluate-snapshot}: evaluates a posted ARM resource (or snapshot envelope)
 * offline and answers with the findings and the plan, without reading or writing Azure. For
 * pipelines that check a resource body before deploying it.
 */
public final class EvaluateSnapshot {

    /** Bodies larger than this are refused before parsing. */
    static final int MAX_BODY_CHARS = 1 << 20;

    private final Supplier<Evaluator> evaluator;

    public EvaluateSnapshot() {
        this(() -> Composition.instance().evaluator());
    }

    EvaluateSnapshot(Supplier<Evaluator> evaluator) {
        this.evaluator = evaluator;
    }

    @FunctionName("EvaluateSnapshot")
    public HttpResponseMessage run(
            @HttpTrigger(name = "request", methods = {HttpMethod.POST}, route = "evaluate-snapshot",
                    authLevel = AuthorizationLevel.FUNCTION) HttpRequestMessage<Optional<String>> request,
            final ExecutionContext context) {
        String body = request.getBody().orElse("");
        if (body.isBlank()) {
            return error(request, "the body must be an ARM resource or a snapshot envelope");
        }
        if (body.length() > MAX_BODY_CHARS) {
            return error(request, "the body is larger than " + MAX_BODY_CHARS + " characters");
        }
        JsonObject resource;
        try {
            JsonElement parsed = StrictJson.parse(body);
            if (!parsed.isJsonObject()) {
                return error(request, "the body must be a JSON object");
            }
            resource = parsed.getAsJsonObject();
            var report = evaluator.get().evaluate(SnapshotEnvelope.toSnapshot(resource));
            return request.createResponseBuilder(HttpStatus.OK).header("Content-Type", "application/json")
                    .body(ReportJson.report(report).toString()).build();
        } catch (IllegalArgumentException e) {
            return error(request, e.getMessage());
        }
    }

    private static HttpResponseMessage error(HttpRequestMessage<Optional<String>> request, String message) {
        JsonObject error = new JsonObject();
        error.addProperty("error", message);
        return request.createResponseBuilder(HttpStatus.BAD_REQUEST).header("Content-Type", "application/json")
                .body(error.toString()).build();
    }
}
