package com.baselineguard.cli;

import com.baselineguard.model.JsonPath;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceId;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.model.SnapshotEnvelope;
import com.baselineguard.model.StrictJson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads exported resource JSON as a stream: files or folders holding one ARM resource, an array of
 * them, an ARM list response ({@code {"value": [...]}}), Azure Resource Graph output
 * ({@code {"data": [...]}}, as {@code az graph query} prints it), a snapshot envelope
 * ({@code {"resource": {...}, "related": {...}}}), or JSON Lines of any of these; {@code -} is
 * standard input.
 *
 * <p>Each resource is handed on as soon as it is read, with the related items found among all the
 * inputs attached (diagnostic settings, Redis firewall rules, private endpoint connections, Batch
 * certificates, Key Vaults): those may come after their resource or in another input, so a first,
 * cheaper pass collects them ({@link RelatedIndex#collect}) and only them. A problem with one input is
 * reported against it and the other inputs are still read; a problem with one item is reported against
 * that item and the others are still read.
 */
public final class ExportReader {

    /** A resource to evaluate and where it came from. */
    public record Loaded(ResourceSnapshot snapshot, Path file, int line) {
    }

    /** An input that could not be used. */
    public record InputError(Path file, String message) {
        /** The one-line form printed on standard error. */
        public String oneLine() {
            return "error: " + file + ": " + message.replace('\n', ' ');
        }
    }

    /** A well-formed item that Baseline Guard does not evaluate. */
    public record Ignored(Path file, String id, String type, String reason) {
    }

    /** Where the items of the inputs go, in input order. */
    interface Sink {
        void resource(Loaded resource);

        void ignored(Ignored item);

        void error(InputError error);

        /** An item attached to its resource by {@link RelatedIndex}, counted only. */
        default void related() {
        }
    }

    /** What one item is. */
    sealed interface Item {
        /** A resource of an evaluated type, with the related data its envelope declares. */
        record Resource(JsonObject body, Map<RelatedKind, List<JsonObject>> declared) implements Item {
        }

        /** A related item: a child or extension of {@code id.parent()}, or a Key Vault. */
        record Related(RelatedKind kind, ResourceId id, JsonObject body) implements Item {
        }

        /** A well-formed item of another type. */
        record Unsupported(String id, String type) implements Item {
        }

        /** An item that cannot be used, and why (with its position). */
        record Invalid(String message) implements Item {
        }
    }

    private static final JsonPath ID = JsonPath.of("id");
    private static final JsonPath TYPE = JsonPath.of("type");

    private final RelatedIndex related;

    ExportReader(RelatedIndex related) {
        this.related = related;
    }

    /** Reads one input that {@link RelatedIndex#collect} found usable, item by item, into {@code sink}. */
    void read(ExportInputs.Usable usable, Sink sink) {
        ExportInputs.Input input = usable.input();
        try {
            ExportDocument.walk(input, usable.jsonLines(), new ExportDocument.Items() {
                @Override
                public void streamed(JsonReader reader, int depth, ExportDocument.Position position) throws IOException {
                    ItemIdLine idLine = new ItemIdLine(depth, position.lineOffset());
                    JsonElement element;
                    try {
                        element = StrictJson.read(reader, depth, idLine);
                    } catch (IllegalArgumentException e) {
                        sink.error(new InputError(input.shown(), position.where() + "not valid JSON: " + e.getMessage()));
                        return;
                    }
                    item(input, element, position, idLine.line(), sink);
                }

                @Override
                public void whole(JsonObject item, int idLine, ExportDocument.Position position) {
                    item(input, item, position, idLine, sink);
                }

                @Override
                public void badLine(ExportDocument.Position position, String message) {
                    sink.error(new InputError(input.shown(), position.where() + message));
                }
            });
        } catch (ExportDocument.Unusable e) {
            // The first pass read this input whole; it changed while being read.
            sink.error(new InputError(input.shown(), e.getMessage()));
        }
    }

    private void item(ExportInputs.Input input, JsonElement element, ExportDocument.Position position, int line, Sink sink) {
        Item item = classify(element, position, line);
        if (item instanceof Item.Resource resource) {
            try {
                ResourceSnapshot snapshot = related.attachChildren(ResourceSnapshot.of(resource.body()));
                for (Map.Entry<RelatedKind, List<JsonObject>> entry : resource.declared().entrySet()) {
                    snapshot = snapshot.withRelated(entry.getKey(), entry.getValue());
                }
                sink.resource(new Loaded(related.attachVault(snapshot), input.shown(), line));
            } catch (IllegalArgumentException e) {
                sink.error(new InputError(input.shown(), "line " + line + ": " + e.getMessage()));
            }
        } else if (item instanceof Item.Related) {
            sink.related();
        } else if (item instanceof Item.Unsupported unsupported) {
            sink.ignored(new Ignored(input.shown(), unsupported.id(), unsupported.type(),
                    "type " + unsupported.type() + " is not evaluated by Baseline Guard"));
        } else if (item instanceof Item.Invalid invalid) {
            sink.error(new InputError(input.shown(), invalid.message()));
        }
    }

    /**
     * What an item is. Both passes classify with this one function, so the first pass collects exactly
     * the related items the second pass skips.
     */
    static Item classify(JsonElement element, ExportDocument.Position position, int line) {
        String where = position.where();
        if (!element.isJsonObject()) {
            return new Item.Invalid(where + "expected a JSON object, found " + kind(element));
        }
        JsonObject object = element.getAsJsonObject();
        Map<RelatedKind, List<JsonObject>> declared = Map.of();
        if (SnapshotEnvelope.isEnvelope(object)) {
            try {
                declared = SnapshotEnvelope.related(object);
            } catch (IllegalArgumentException e) {
                return new Item.Invalid(where + e.getMessage());
            }
            object = object.getAsJsonObject("resource");
        }
        Optional<String> idText = ID.readString(object);
        if (idText.isEmpty()) {
            return new Item.Invalid(where + "has no \"id\"; is this an ARM resource?");
        }
        Optional<String> typeMember = TYPE.readString(object).filter(t -> !t.isBlank());
        if (typeMember.isPresent() && ResourceType.fromArmType(typeMember.get()).isPresent()) {
            // ResourceSnapshot.of parses the id and checks it against the type.
            return new Item.Resource(object, declared);
        }
        ResourceId id;
        try {
            id = ResourceId.parse(idText.get());
        } catch (IllegalArgumentException e) {
            return new Item.Invalid("line " + line + ": " + e.getMessage());
        }
        String type = typeMember.orElse(id.type());
        if (ResourceType.fromArmType(type).isPresent()) {
            return new Item.Resource(object, declared);
        }
        Optional<RelatedKind> kind = relatedKind(type);
        if (kind.isPresent() && !kind.equals(relatedKind(id.type()))) {
            // Attaching it by its id would contradict its type; the first pass decides by the id.
            return new Item.Invalid("line " + line + ": type " + type + " does not match its id " + idText.get());
        }
        if (kind.isPresent() && (kind.get() == RelatedKind.KEY_VAULTS || id.parent().isPresent())) {
            return new Item.Related(kind.get(), id, object);
        }
        return new Item.Unsupported(idText.get(), type);
    }

    /** Which related kind an ARM type is, if any. */
    static Optional<RelatedKind> relatedKind(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        if (t.equals("microsoft.insights/diagnosticsettings")) {
            return Optional.of(RelatedKind.DIAGNOSTIC_SETTINGS);
        }
        if (t.equals("microsoft.cache/redis/firewallrules")) {
            return Optional.of(RelatedKind.FIREWALL_RULES);
        }
        if (t.endsWith("/privateendpointconnections")) {
            return Optional.of(RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS);
        }
        if (t.equals("microsoft.batch/batchaccounts/certificates")) {
            return Optional.of(RelatedKind.CERTIFICATES);
        }
        if (t.equals("microsoft.keyvault/vaults")) {
            return Optional.of(RelatedKind.KEY_VAULTS);
        }
        return Optional.empty();
    }

    private static String kind(JsonElement element) {
        if (element.isJsonArray()) {
            return "an array";
        }
        if (element.isJsonNull()) {
            return "null";
        }
        return "a " + (element.getAsJsonPrimitive().isString() ? "string" : element.getAsJsonPrimitive().isNumber()
                ? "number" : "boolean");
    }
}
