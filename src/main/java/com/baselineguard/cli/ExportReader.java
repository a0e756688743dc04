package com.baselineguard.cli;

import com.baselineguard.model.JsonPath;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceId;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.model.SnapshotEnvelope;
import com.baselineguard.model.StrictJson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads exported resource JSON: a file or folder holding one ARM resource, an array of them, an ARM
 * list response ({@code {"value": [...]}}), Azure Resource Graph output ({@code {"data": [...]}}, as
 * {@code az graph query} prints it), or a snapshot envelope ({@code {"resource": {...}, "related":
 * {"diagnosticSettings": [...], ...}}}).
 *
 * <p>Related resources found among the inputs (diagnostic settings, Redis firewall rules, private
 * endpoint connections, Batch certificates, Key Vaults) are attached to the resource they belong to,
 * which marks that kind as loaded for it. A problem with one file is reported against that file and
 * the other files are still read.
 */
public final class ExportReader {

    /** Files larger than this are refused rather than read into memory. */
    static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

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

    /** Everything read from the inputs. */
    public record Result(List<Loaded> resources, List<Ignored> ignored, List<InputError> errors) {
    }

    private record Item(JsonObject body, Path file, int line, Map<RelatedKind, List<JsonObject>> related) {
    }

    public Result read(List<Path> paths) {
        List<InputError> errors = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            expand(path, files, errors);
        }
        List<Item> items = new ArrayList<>();
        for (Path file : files) {
            readFile(file, items, errors);
        }
        return assemble(items, errors);
    }

    private static void expand(Path path, List<Path> files, List<InputError> errors) {
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                List<Path> found = walk.filter(Files::isRegularFile)
                        .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                        .sorted().toList();
                if (found.isEmpty()) {
                    errors.add(new InputError(path, "folder holds no .json files"));
                }
                files.addAll(found);
            } catch (IOException | RuntimeException e) {
                errors.add(new InputError(path, "cannot list folder: " + e.getMessage()));
            }
        } else if (Files.isRegularFile(path)) {
            files.add(path);
        } else {
            errors.add(new InputError(path, Files.exists(path) ? "not a regular file or folder" : "no such file or folder"));
        }
    }

    private static void readFile(Path file, List<Item> items, List<InputError> errors) {
        String text;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                errors.add(new InputError(file, "larger than " + (MAX_FILE_BYTES >> 20) + " MiB"));
                return;
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            errors.add(new InputError(file, "not UTF-8 text"));
            return;
        } catch (IOException e) {
            errors.add(new InputError(file, "cannot read: " + e.getMessage()));
            return;
        }
        JsonElement root;
        try {
            root = StrictJson.parse(text);
        } catch (IllegalArgumentException e) {
            errors.add(new InputError(file, "not valid JSON: " + e.getMessage()));
            return;
        }
        List<JsonElement> elements;
        if (root.isJsonArray()) {
            elements = root.getAsJsonArray().asList();
        } else if (root.isJsonObject() && root.getAsJsonObject().get("value") instanceof JsonArray list) {
            elements = list.asList();
        } else if (root.isJsonObject() && root.getAsJsonObject().get("data") instanceof JsonArray rows) {
            elements = rows.asList();
        } else if (root.isJsonObject()) {
            elements = List.of(root);
        } else {
            errors.add(new InputError(file, "expected an ARM resource, an array of them, an ARM list response"
                    + " ({\"value\": [...]}) or Resource Graph output ({\"data\": [...]})"));
            return;
        }
        LineFinder lines = new LineFinder(text);
        for (int i = 0; i < elements.size(); i++) {
            String where = elements.size() == 1 && root.isJsonObject() && elements.get(0) == root ? "" : "item " + (i + 1) + ": ";
            JsonElement element = elements.get(i);
            if (!element.isJsonObject()) {
                errors.add(new InputError(file, where + "expected a JSON object, found " + kind(element)));
                continue;
            }
            JsonObject object = element.getAsJsonObject();
            Map<RelatedKind, List<JsonObject>> related = Map.of();
            if (SnapshotEnvelope.isEnvelope(object)) {
                try {
                    related = SnapshotEnvelope.related(object);
                } catch (IllegalArgumentException e) {
                    errors.add(new InputError(file, where + e.getMessage()));
                    continue;
                }
                object = object.getAsJsonObject("resource");
            }
            Optional<String> id = JsonPath.of("id").readString(object);
            if (id.isEmpty()) {
                errors.add(new InputError(file, where + "has no \"id\"; is this an ARM resource?"));
                continue;
            }
            items.add(new Item(object, file, lines.lineOf(id.get()), related));
        }
    }

    private static Result assemble(List<Item> items, List<InputError> errors) {
        List<Item> resources = new ArrayList<>();
        List<Ignored> ignored = new ArrayList<>();
        Map<ResourceId, Map<RelatedKind, List<JsonObject>>> children = new LinkedHashMap<>();
        List<JsonObject> vaults = new ArrayList<>();
        List<Loaded> loaded = new ArrayList<>();
        for (Item item : items) {
            String idText = JsonPath.of("id").readString(item.body()).orElseThrow();
            ResourceId id;
            try {
                id = ResourceId.parse(idText);
            } catch (IllegalArgumentException e) {
                errors.add(new InputError(item.file(), "line " + item.line() + ": " + e.getMessage()));
                continue;
            }
            String type = JsonPath.of("type").readString(item.body()).filter(t -> !t.isBlank()).orElse(id.type());
            Optional<RelatedKind> relatedKind = relatedKind(type);
            if (ResourceType.fromArmType(type).isPresent()) {
                resources.add(item);
            } else if (relatedKind.isPresent() && relatedKind.get() == RelatedKind.KEY_VAULTS) {
                vaults.add(item.body());
            } else if (relatedKind.isPresent() && id.parent().isPresent()) {
                ResourceId owner = id.parent().get();
                children.computeIfAbsent(owner, k -> new EnumMap<>(RelatedKind.class))
                        .computeIfAbsent(relatedKind.get(), k -> new ArrayList<>()).add(item.body());
            } else {
                ignored.add(new Ignored(item.file(), idText, type, "type " + type + " is not evaluated by Baseline Guard"));
            }
        }
        for (Item item : resources) {
            try {
                ResourceSnapshot snapshot = ResourceSnapshot.of(item.body());
                for (Map.Entry<RelatedKind, List<JsonObject>> entry
                        : children.getOrDefault(snapshot.id(), Map.of()).entrySet()) {
                    snapshot = snapshot.withRelated(entry.getKey(), entry.getValue());
                }
                for (Map.Entry<RelatedKind, List<JsonObject>> entry : item.related().entrySet()) {
                    snapshot = snapshot.withRelated(entry.getKey(), entry.getValue());
                }
                snapshot = attachVault(snapshot, vaults);
                loaded.add(new Loaded(snapshot, item.file(), item.line()));
            } catch (IllegalArgumentException e) {
                errors.add(new InputError(item.file(), "line " + item.line() + ": " + e.getMessage()));
            }
        }
        return new Result(loaded, ignored, errors);
    }

    private static ResourceSnapshot attachVault(ResourceSnapshot snapshot, List<JsonObject> vaults) {
        if (vaults.isEmpty() || snapshot.type() != ResourceType.BATCH_ACCOUNT
                || snapshot.related(RelatedKind.KEY_VAULTS).isPresent()) {
            return snapshot;
        }
        Optional<String> keyHost = snapshot.string("properties.encryption.keyVaultProperties.keyIdentifier")
                .flatMap(ExportReader::host);
        if (keyHost.isEmpty()) {
            return snapshot;
        }
        List<JsonObject> matching = vaults.stream()
                .filter(v -> JsonPath.of("properties.vaultUri").readString(v).flatMap(ExportReader::host)
                        .map(h -> h.equalsIgnoreCase(keyHost.get())).orElse(false))
                .toList();
        return matching.isEmpty() ? snapshot : snapshot.withRelated(RelatedKind.KEY_VAULTS, matching);
    }

    private static Optional<String> host(String url) {
        try {
            return Optional.ofNullable(URI.create(url.trim()).getHost());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
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

    /** Finds the line on which a resource id appears, scanning forward as resources usually appear in order. */
    private static final class LineFinder {
        private final String text;
        private int cursor;

        LineFinder(String text) {
            this.text = text;
        }

        int lineOf(String id) {
            String needle = "\"" + id + "\"";
            int at = text.indexOf(needle, cursor);
            if (at < 0) {
                at = text.indexOf(needle);
            }
            if (at < 0) {
                return 1;
            }
            cursor = at + needle.length();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }
}
