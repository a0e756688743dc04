package com.baselineguard.engine;

import com.baselineguard.engine.port.ArmGateway;
import com.baselineguard.engine.port.ArmResponse;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceId;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Azure Resource Manager in memory, for the pipeline steps' unit tests (the live tests use the HTTPS
 * stand-in and the real SDK). Stored resources answer GETs, anything else gets ARM's 404 envelope;
 * related lists (diagnostic settings, firewall rules, ...) list what was stored for the resource; writes answer 200. The next answer of a
 * kind of request can be scripted instead. Every request is recorded.
 */
class ScriptedArm implements ArmGateway {

    /** The kinds of request, as scripted and recorded. */
    enum Kind { GET, DIAGNOSTIC_SETTINGS, FIREWALL_RULES, PRIVATE_ENDPOINT_CONNECTIONS, CERTIFICATES, PATCH,
        PUT_DIAGNOSTIC_SETTING, RESOURCE_GRAPH }

    /** One request as sent. */
    record Sent(Kind kind, String target, JsonObject body, Optional<String> ifMatch) {
    }

    final List<Sent> sent = new ArrayList<>();
    private final Map<String, JsonObject> resources = new HashMap<>();
    /** Related lists by lower-case resource id and kind; a list not stored is empty. */
    private final Map<String, List<JsonObject>> lists = new HashMap<>();
    private final Map<Kind, Deque<ArmResponse>> scripted = new HashMap<>();

    ScriptedArm store(JsonObject resource) {
        resources.put(resource.get("id").getAsString().toLowerCase(Locale.ROOT), resource);
        return this;
    }

    ScriptedArm storeDiagnosticSettings(String resourceId, List<JsonObject> items) {
        return storeRelated(resourceId, RelatedKind.DIAGNOSTIC_SETTINGS, items);
    }

    ScriptedArm storeRelated(String resourceId, RelatedKind kind, List<JsonObject> items) {
        lists.put(resourceId.toLowerCase(Locale.ROOT) + "|" + kind, items);
        return this;
    }

    /** The next request of this kind gets this answer. */
    ScriptedArm answer(Kind kind, ArmResponse response) {
        scripted.computeIfAbsent(kind, k -> new ArrayDeque<>()).add(response);
        return this;
    }

    static ArmResponse reply(int status, JsonElement body) {
        return new ArmResponse(status, body, Optional.empty(), Optional.empty());
    }

    /** ARM's error envelope, {@code {"error": {"code", "message"}}}. */
    static ArmResponse error(int status, String code, String message) {
        return error(status, code, message, Optional.empty());
    }

    static ArmResponse error(int status, String code, String message, Optional<Duration> retryAfter) {
        JsonObject inner = new JsonObject();
        inner.addProperty("code", code);
        inner.addProperty("message", message);
        JsonObject body = new JsonObject();
        body.add("error", inner);
        return new ArmResponse(status, body, retryAfter, Optional.empty());
    }

    long count(Kind kind) {
        return sent.stream().filter(s -> s.kind() == kind).count();
    }

    private ArmResponse answer(Kind kind, String target, JsonObject body, Optional<String> ifMatch,
            java.util.function.Supplier<ArmResponse> otherwise) {
        sent.add(new Sent(kind, target, body, ifMatch));
        Deque<ArmResponse> next = scripted.get(kind);
        return next != null && !next.isEmpty() ? next.poll() : otherwise.get();
    }

    @Override
    public ArmResponse get(ResourceId id) {
        return answer(Kind.GET, id.toString(), null, Optional.empty(), () -> {
            JsonObject stored = resources.get(id.toString().toLowerCase(Locale.ROOT));
            return stored == null ? error(404, "ResourceNotFound", "The Resource '" + id + "' was not found.")
                    : reply(200, stored.deepCopy());
        });
    }

    /** One page holding the whole list, as ARM answers a short list; the kinds a gateway cannot list are refused as it refuses them. */
    @Override
    public ArmResponse listRelated(ResourceId id, RelatedKind kind, Optional<String> nextLink) {
        if (kind == RelatedKind.KEY_VAULTS || kind == RelatedKind.KEYS) {
            throw new IllegalArgumentException("ARM has no " + kind.jsonName() + " list");
        }
        return answer(Kind.valueOf(kind.name()), id.toString(), null, Optional.empty(), () -> {
            JsonArray value = new JsonArray();
            lists.getOrDefault(id.toString().toLowerCase(Locale.ROOT) + "|" + kind, List.of()).forEach(value::add);
            JsonObject body = new JsonObject();
            body.add("value", value);
            return reply(200, body);
        });
    }

    @Override
    public ArmResponse patch(ResourceId id, JsonObject body, Optional<String> ifMatch) {
        return answer(Kind.PATCH, id.toString(), body, ifMatch, () -> reply(200, body));
    }

    @Override
    public ArmResponse putDiagnosticSetting(ResourceId id, String name, JsonObject body) {
        return answer(Kind.PUT_DIAGNOSTIC_SETTING, id + "/providers/Microsoft.Insights/diagnosticSettings/" + name,
                body, Optional.empty(), () -> reply(200, body));
    }

    @Override
    public ArmResponse resourceGraph(String query, List<String> subscriptions, List<String> managementGroups, int top,
            String skipToken) {
        JsonObject request = new JsonObject();
        request.addProperty("query", query);
        return answer(Kind.RESOURCE_GRAPH, "/providers/Microsoft.ResourceGraph/resources", request, Optional.empty(),
                () -> {
                    JsonObject body = new JsonObject();
                    body.add("data", new JsonArray());
                    return reply(200, body);
                });
    }
}
