package com.baselineguard.testing.arm;

import com.baselineguard.model.ResourceId;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Azure Resource Graph's {@code POST /providers/Microsoft.ResourceGraph/resources} over the stored
 * resources. The KQL is recorded, not interpreted: every stored Redis cache, Batch account and
 * pool in the requested subscriptions is a row, in the {@code objectArray} result format. A query
 * that names {@code microsoft.keyvault/vaults} gets the stored Key Vaults instead (the caller filters
 * them by {@code vaultUri}).
 */
final class ResourceGraph {

    static final int MAX_TOP = 1000;
    private static final Set<String> TYPES =
            Set.of("microsoft.cache/redis", "microsoft.cache/redisenterprise",
                    "microsoft.cache/redisenterprise/databases", "microsoft.batch/batchaccounts",
                    "microsoft.batch/batchaccounts/pools");
    private static final Set<String> VAULTS = Set.of("microsoft.keyvault/vaults");
    private static final String TOKEN_PREFIX = "arm-stand-in:";

    private final String tenantId;

    ResourceGraph(String tenantId) {
        this.tenantId = tenantId;
    }

    /** The response to one query request, or a 400 when the request is not a query. */
    Reply query(String requestBody, List<JsonObject> resources) {
        JsonObject request;
        try {
            request = JsonParser.parseString(requestBody).getAsJsonObject();
        } catch (RuntimeException e) {
            return badRequest("The request body is not a Resource Graph query request.");
        }
        if (ArmJson.string(request, "query") == null) {
            return badRequest("The request content has no 'query'.");
        }
        JsonObject options = request.has("options") && request.get("options").isJsonObject()
                ? request.getAsJsonObject("options") : new JsonObject();
        int top = options.has("$top") ? options.get("$top").getAsInt() : MAX_TOP;
        if (top < 1 || top > MAX_TOP) {
            return badRequest("$top must be between 1 and " + MAX_TOP + ".");
        }
        int skip;
        try {
            skip = options.has("$skipToken") ? decode(options.get("$skipToken").getAsString()) : 0;
        } catch (IllegalArgumentException e) {
            return badRequest("The $skipToken is not valid.");
        }

        Set<String> subscriptions = subscriptions(request);
        Set<String> types = ArmJson.string(request, "query").toLowerCase(Locale.ROOT).contains("microsoft.keyvault/vaults")
                ? VAULTS : TYPES;
        List<JsonObject> rows = resources.stream().filter(r -> isSwept(r, subscriptions, types)).map(this::row).toList();
        int end = Math.min(rows.size(), skip + top);
        JsonArray data = new JsonArray();
        rows.subList(Math.min(skip, rows.size()), end).forEach(data::add);

        JsonObject response = new JsonObject();
        response.addProperty("totalRecords", rows.size());
        response.addProperty("count", data.size());
        response.addProperty("resultTruncated", "false");
        if (end < rows.size()) {
            response.addProperty("$skipToken", encode(end));
        }
        response.add("facets", new JsonArray());
        response.add("data", data);
        return Reply.json(200, response);
    }

    /** The requested subscriptions, lower-cased; null means every subscription (management groups only). */
    private static Set<String> subscriptions(JsonObject request) {
        JsonElement listed = ArmJson.member(request, "subscriptions");
        if (listed == null || !listed.isJsonArray() || listed.getAsJsonArray().isEmpty()) {
            return null;
        }
        Set<String> subscriptions = new HashSet<>();
        listed.getAsJsonArray().forEach(s -> subscriptions.add(s.getAsString().toLowerCase(Locale.ROOT)));
        return subscriptions;
    }

    private static boolean isSwept(JsonObject resource, Set<String> subscriptions, Set<String> types) {
        String type = ArmJson.string(resource, "type");
        if (type == null || !types.contains(type.toLowerCase(Locale.ROOT))) {
            return false;
        }
        try {
            return subscriptions == null
                    || subscriptions.contains(id(resource).subscriptionId().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notAResourceId) {
            return false;
        }
    }

    private JsonObject row(JsonObject resource) {
        ResourceId id = id(resource);
        JsonObject row = resource.deepCopy();
        row.addProperty(ArmJson.memberName(row, "type").orElse("type"),
                ArmJson.string(resource, "type").toLowerCase(Locale.ROOT));
        row.addProperty("subscriptionId", id.subscriptionId());
        row.addProperty("resourceGroup", id.resourceGroup().toLowerCase(Locale.ROOT));
        row.addProperty("tenantId", tenantId);
        return row;
    }

    private static ResourceId id(JsonObject resource) {
        return ResourceId.parse(ArmJson.string(resource, "id"));
    }

    private static Reply badRequest(String message) {
        return Reply.json(400, ArmJson.error("BadRequest", message));
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((TOKEN_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String token) {
        String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        if (!text.startsWith(TOKEN_PREFIX)) {
            throw new IllegalArgumentException("not a skip token of this stand-in");
        }
        try {
            return Integer.parseInt(text.substring(TOKEN_PREFIX.length()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a skip token of this stand-in", e);
        }
    }
}
