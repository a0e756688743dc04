package com.baselineguard.testing.arm;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the stand-in knows: resources by id (ARM ids compare without case), their related
 * collections, and the progress of updates. Every method hands out deep copies, so callers never
 * share JSON with the server threads.
 */
final class ArmState {

    static final String UPDATING = "Updating";
    static final String SUCCEEDED = "Succeeded";

    private final Map<String, Tracked> resources = new LinkedHashMap<>();
    private final Map<String, Map<String, JsonObject>> diagnosticSettings = new HashMap<>();
    /** Child collections listed by ARM (firewall rules, private endpoint connections, certificates), by parent and name. */
    private final Map<String, List<JsonObject>> children = new HashMap<>();
    /** The most items one page of a child list holds; later pages follow by nextLink. */
    private int listPageSize = 1000;
    private final Map<String, Operation> operations = new HashMap<>();

    /** A stored resource and how its last update progresses. */
    private static final class Tracked {
        JsonObject resource;
        int getsWhileUpdating = 1;
        int asyncPolls = -1;
        int updatingGetsLeft;
        boolean settling;

        Tracked(JsonObject resource) {
            this.resource = resource;
        }
    }

    /** A long-running PATCH: done after {@code pollsLeft} more polls. */
    private static final class Operation {
        final String resourceKey;
        final Instant started = Instant.now();
        int pollsLeft;

        Operation(String resourceKey, int pollsLeft) {
            this.resourceKey = resourceKey;
            this.pollsLeft = pollsLeft;
        }
    }

    /** The answer to a poll of an operation. */
    record Poll(boolean done, JsonObject status, JsonObject resource) {
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    synchronized void put(JsonObject resource) {
        String id = ArmJson.string(resource, "id");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a resource needs an id to be stored: " + resource);
        }
        Tracked tracked = resources.get(key(id));
        if (tracked == null) {
            resources.put(key(id), new Tracked(resource.deepCopy()));
        } else {
            tracked.resource = resource.deepCopy();
            tracked.settling = false;
            tracked.updatingGetsLeft = 0;
        }
    }

    synchronized boolean exists(String id) {
        return resources.containsKey(key(id));
    }

    synchronized Optional<JsonObject> resource(String id) {
        return Optional.ofNullable(resources.get(key(id))).map(t -> t.resource.deepCopy());
    }

    synchronized List<JsonObject> all() {
        return resources.values().stream().map(t -> t.resource.deepCopy()).toList();
    }

    synchronized void remove(String id) {
        resources.remove(key(id));
        diagnosticSettings.remove(key(id));
        children.keySet().removeIf(k -> k.startsWith(key(id) + "|"));
    }

    synchronized void getsWhileUpdating(String id, int gets) {
        tracked(id).getsWhileUpdating = requireNotNegative(gets);
    }

    synchronized void asyncPatch(String id, int pollsUntilDone) {
        tracked(id).asyncPolls = requireNotNegative(pollsUntilDone);
    }

    /** A GET of the resource: advances a synchronous update by one read. */
    synchronized Optional<JsonObject> read(String id) {
        Tracked tracked = resources.get(key(id));
        if (tracked == null) {
            return Optional.empty();
        }
        if (tracked.updatingGetsLeft > 0) {
            tracked.updatingGetsLeft--;
        } else if (tracked.settling) {
            ArmJson.setProvisioningState(tracked.resource, SUCCEEDED);
            tracked.settling = false;
        }
        return Optional.of(tracked.resource.deepCopy());
    }

    /** Whether the resource answers a PATCH with 202 and an operation to poll. */
    synchronized boolean patchesAsynchronously(String id) {
        Tracked tracked = resources.get(key(id));
        return tracked != null && tracked.asyncPolls >= 0;
    }

    /** An If-Match that does not equal the resource's etag (resources without an etag ignore If-Match, as ARM does). */
    static final class PreconditionFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PreconditionFailed(String message) {
            super(message);
        }
    }

    private static void checkEtag(Tracked tracked, String ifMatch) {
        String etag = ArmJson.string(tracked.resource, "etag");
        if (ifMatch != null && etag != null && !ifMatch.equals("*") && !ifMatch.equals(etag)) {
            throw new PreconditionFailed("The specified precondition 'If-Match = " + ifMatch
                    + "' failed: the resource's etag is " + etag + ".");
        }
    }

    /** Every write gives a resource that carries an etag a new one. */
    private static void bumpEtag(Tracked tracked) {
        if (ArmJson.string(tracked.resource, "etag") != null) {
            tracked.resource.addProperty("etag", "W/\"0x" + Long.toHexString(System.nanoTime()).toUpperCase(Locale.ROOT) + "\"");
        }
    }

    /** A synchronous PATCH: the merged resource, Updating unless it settles at once. */
    synchronized Optional<JsonObject> patch(String id, JsonObject patch) {
        return patch(id, patch, null);
    }

    /**
     * As {@link #patch(String, JsonObject)}, only if {@code ifMatch} (may be null) matches the etag.
     *
     * @throws PreconditionFailed when it does not
     */
    synchronized Optional<JsonObject> patch(String id, JsonObject patch, String ifMatch) {
        Tracked tracked = resources.get(key(id));
        if (tracked == null) {
            return Optional.empty();
        }
        checkEtag(tracked, ifMatch);
        merge(tracked, patch);
        bumpEtag(tracked);
        boolean immediate = tracked.getsWhileUpdating == 0;
        ArmJson.setProvisioningState(tracked.resource, immediate ? SUCCEEDED : UPDATING);
        tracked.settling = !immediate;
        tracked.updatingGetsLeft = tracked.getsWhileUpdating;
        return Optional.of(tracked.resource.deepCopy());
    }

    /** An asynchronous PATCH: merged now, Updating until its operation (the id returned) has been polled to the end. */
    synchronized Optional<String> patchAsynchronously(String id, JsonObject patch, String ifMatch) {
        Tracked tracked = resources.get(key(id));
        if (tracked == null) {
            return Optional.empty();
        }
        checkEtag(tracked, ifMatch);
        merge(tracked, patch);
        bumpEtag(tracked);
        ArmJson.setProvisioningState(tracked.resource, UPDATING);
        tracked.settling = false;
        tracked.updatingGetsLeft = 0;
        String operationId = UUID.randomUUID().toString();
        operations.put(operationId, new Operation(key(id), tracked.asyncPolls));
        return Optional.of(operationId);
    }

    /** A poll of an operation (either its status URL or its result URL). */
    synchronized Optional<Poll> poll(String operationId) {
        Operation operation = operations.get(operationId);
        if (operation == null) {
            return Optional.empty();
        }
        Tracked tracked = resources.get(operation.resourceKey);
        boolean done = operation.pollsLeft == 0;
        if (done) {
            if (tracked != null) {
                ArmJson.setProvisioningState(tracked.resource, SUCCEEDED);
            }
        } else {
            operation.pollsLeft--;
        }
        JsonObject status = new JsonObject();
        status.addProperty("name", operationId);
        status.addProperty("status", done ? SUCCEEDED : "InProgress");
        status.addProperty("startTime", operation.started.toString());
        if (done) {
            status.addProperty("endTime", Instant.now().toString());
        }
        return Optional.of(new Poll(done, status, tracked == null ? null : tracked.resource.deepCopy()));
    }

    synchronized void putDiagnosticSettings(String resourceId, List<JsonObject> settings) {
        Map<String, JsonObject> byName = new LinkedHashMap<>();
        for (JsonObject setting : settings) {
            String name = ArmJson.string(setting, "name");
            if (name == null) {
                throw new IllegalArgumentException("a diagnostic setting needs a name: " + setting);
            }
            byName.put(key(name), setting.deepCopy());
        }
        diagnosticSettings.put(key(resourceId), byName);
    }

    /** Stores one setting as a PUT does; empty when the resource does not exist. */
    synchronized Optional<JsonObject> putDiagnosticSetting(String resourceId, String name, JsonObject body) {
        Tracked tracked = resources.get(key(resourceId));
        if (tracked == null) {
            return Optional.empty();
        }
        JsonObject setting = new JsonObject();
        setting.addProperty("id", ArmJson.string(tracked.resource, "id")
                + "/providers/microsoft.insights/diagnosticSettings/" + name);
        setting.addProperty("type", "Microsoft.Insights/diagnosticSettings");
        setting.addProperty("name", name);
        JsonObject properties = body.has("properties") && body.get("properties").isJsonObject()
                ? body.getAsJsonObject("properties").deepCopy() : new JsonObject();
        setting.add("properties", properties);
        diagnosticSettings.computeIfAbsent(key(resourceId), k -> new LinkedHashMap<>()).put(key(name), setting);
        return Optional.of(setting.deepCopy());
    }

    /** The settings of a resource (none is an empty list); empty when the resource does not exist. */
    synchronized Optional<List<JsonObject>> diagnosticSettings(String resourceId) {
        if (!resources.containsKey(key(resourceId))) {
            return Optional.empty();
        }
        return Optional.of(copies(diagnosticSettings.getOrDefault(key(resourceId), Map.of()).values()));
    }

    synchronized Optional<JsonObject> diagnosticSetting(String resourceId, String name) {
        return Optional.ofNullable(diagnosticSettings.getOrDefault(key(resourceId), Map.of()).get(key(name)))
                .map(JsonObject::deepCopy);
    }

    synchronized void putChildren(String parentId, String collection, List<JsonObject> items) {
        children.put(key(parentId) + "|" + key(collection), copies(items));
    }

    /**
     * The items of a child collection; empty when the parent does not exist. Private endpoint connections
     * not stored explicitly are those the parent's body carries, as ARM lists them.
     */
    synchronized Optional<List<JsonObject>> children(String parentId, String collection) {
        Tracked parent = resources.get(key(parentId));
        if (parent == null) {
            return Optional.empty();
        }
        List<JsonObject> stored = children.get(key(parentId) + "|" + key(collection));
        if (stored != null) {
            return Optional.of(copies(stored));
        }
        if (collection.equalsIgnoreCase("privateEndpointConnections")) {
            JsonObject properties = parent.resource.getAsJsonObject("properties");
            if (properties != null && properties.get("privateEndpointConnections") instanceof com.google.gson.JsonArray array) {
                List<JsonObject> items = new ArrayList<>();
                array.forEach(item -> items.add(item.getAsJsonObject().deepCopy()));
                return Optional.of(items);
            }
        }
        return Optional.of(List.of());
    }

    synchronized void pageListsBy(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a page holds at least one item: " + size);
        }
        listPageSize = size;
    }

    synchronized int listPageSize() {
        return listPageSize;
    }

    private static void merge(Tracked tracked, JsonObject patch) {
        JsonObject mergeable = patch.deepCopy();
        for (String readOnly : List.of("id", "name", "type")) {
            ArmJson.memberName(mergeable, readOnly).ifPresent(mergeable::remove);
        }
        ArmJson.merge(tracked.resource, mergeable);
    }

    private Tracked tracked(String id) {
        Tracked tracked = resources.get(key(id));
        if (tracked == null) {
            throw new IllegalArgumentException("no resource " + id + "; put it first");
        }
        return tracked;
    }

    private static int requireNotNegative(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("must not be negative: " + n);
        }
        return n;
    }

    private static List<JsonObject> copies(Collection<JsonObject> items) {
        List<JsonObject> copies = new ArrayList<>(items.size());
        items.forEach(item -> copies.add(item.deepCopy()));
        return copies;
    }
}
