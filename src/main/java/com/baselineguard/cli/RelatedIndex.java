package com.baselineguard.cli;

import com.baselineguard.model.JsonPath;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceId;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.model.StrictJson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The related items among the inputs (diagnostic settings, Redis firewall rules, private endpoint
 * connections, Batch certificates, Key Vaults), by the resource they belong to.
 *
 * <p>Why a first pass: a related item may come after its resource in the same input, or in another
 * input (a folder of {@code az rest} exports: the cache in one file, its firewall rules in the next),
 * and a resource evaluated without related data that the input holds would be evaluated wrongly
 * without a word. A bounded look-ahead cannot see into the next file, so {@link #collect} reads every
 * input once before anything is evaluated, keeping only the related items. That pass builds no tree
 * for the resources themselves: once an item's {@code id} shows it is not a related item, the rest of
 * it is skipped. It also proves each input readable and well-formed as a document, so no input
 * fails half-way through the evaluation. Memory grows with the related items only (held as compact
 * text); a snapshot envelope carries its related data inline and costs nothing here.
 */
final class RelatedIndex {

    private final Map<String, Map<RelatedKind, List<String>>> children = new HashMap<>();
    private final List<JsonObject> vaults = new ArrayList<>();
    private long items;

    /** The number of related items collected. */
    long size() {
        return items;
    }

    /** What was collected, kind by owner in input order, and the vaults; tests compare the two ways of collecting. */
    List<String> contents() {
        List<String> contents = new ArrayList<>();
        new java.util.TreeMap<>(children).forEach((owner, kinds) -> kinds.forEach((kind, bodies) ->
                bodies.forEach(body -> contents.add(kind + " " + owner + " " + body))));
        vaults.forEach(vault -> contents.add(RelatedKind.KEY_VAULTS + " " + vault));
        return contents;
    }

    /**
     * Reads every input once and collects its related items. Inputs that cannot be used at all are
     * reported to {@code errors} and left out of the returned list.
     */
    static RelatedIndex collect(List<ExportInputs.Input> inputs, Consumer<ExportReader.InputError> errors,
            List<ExportInputs.Usable> usable, Consumer<ExportInputs.Input> scanning) {
        RelatedIndex index = new RelatedIndex();
        for (ExportInputs.Input input : inputs) {
            scanning.accept(input);
            try {
                boolean jsonLines = ExportDocument.isJsonLines(input);
                try {
                    index.fromScan(input, jsonLines, ExportScanner.scan(input.file(), jsonLines));
                } catch (ExportScanner.NotSure e) {
                    // Something the byte scanner does not vouch for: Gson reads the input and judges it.
                    index.fromWalk(input, jsonLines);
                }
                usable.add(new ExportInputs.Usable(input, jsonLines));
            } catch (ExportDocument.Unusable e) {
                errors.accept(new ExportReader.InputError(input.shown(), e.getMessage()));
            } catch (IOException e) {
                errors.accept(new ExportReader.InputError(input.shown(), "cannot read: " + e.getMessage()));
            }
        }
        return index;
    }

    /**
     * The scanner's candidates parsed in full, and the lines it left to Gson walked, in input order.
     * A candidate that does not parse is left out: the second pass reports it as that item's error.
     */
    void fromScan(ExportInputs.Input input, boolean jsonLines, ExportScanner.Result scan)
            throws IOException, ExportDocument.Unusable {
        List<ExportScanner.Range> candidates = scan.candidates();
        List<ExportScanner.Range> lines = scan.linesForGson();
        Collector collector = new Collector();
        try (FileChannel channel = FileChannel.open(input.file(), StandardOpenOption.READ)) {
            int c = 0;
            int l = 0;
            while (c < candidates.size() || l < lines.size()) {
                boolean line = l < lines.size() && (c == candidates.size() || lines.get(l).start() < candidates.get(c).start());
                ExportScanner.Range range = line ? lines.get(l++) : candidates.get(c++);
                if (range.end() - range.start() > 4 * ExportDocument.MAX_ITEM_CHARS) {
                    continue; // the second pass refuses it as too long
                }
                String text = text(channel, range);
                if (line) {
                    if (!text.isBlank()) {
                        ExportDocument.walkLine(text, range.jsonLine(), collector);
                    }
                } else {
                    try {
                        collector.offer(StrictJson.parse(text), new ExportDocument.Position(range.jsonLine(), 0));
                    } catch (IllegalArgumentException e) {
                        // reported by the second pass
                    }
                }
            }
        }
    }

    void fromWalk(ExportInputs.Input input, boolean jsonLines) throws ExportDocument.Unusable {
        ExportDocument.walk(input, jsonLines, new Collector());
    }

    private static String text(FileChannel channel, ExportScanner.Range range) throws IOException, ExportDocument.Unusable {
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(range.end() - range.start()));
        long at = range.start();
        while (bytes.hasRemaining()) {
            int n = channel.read(bytes, at);
            if (n < 0) {
                throw new IOException("the input changed while being read");
            }
            at += n;
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new ExportDocument.Unusable("not UTF-8 text");
        }
    }

    private void add(ExportReader.Item.Related related) {
        items++;
        if (related.kind() == RelatedKind.KEY_VAULTS) {
            vaults.add(related.body());
            return;
        }
        String owner = key(related.id().parent().orElseThrow());
        children.computeIfAbsent(owner, k -> new EnumMap<>(RelatedKind.class))
                .computeIfAbsent(related.kind(), k -> new ArrayList<>()).add(related.body().toString());
    }

    /** The snapshot with the related items found for it loaded, kind by kind, in input order. */
    ResourceSnapshot attachChildren(ResourceSnapshot snapshot) {
        if (children.isEmpty()) {
            return snapshot;
        }
        Map<RelatedKind, List<String>> found = children.get(key(snapshot.id()));
        if (found == null) {
            return snapshot;
        }
        for (Map.Entry<RelatedKind, List<String>> entry : found.entrySet()) {
            List<JsonObject> bodies = entry.getValue().stream().map(t -> JsonParser.parseString(t).getAsJsonObject()).toList();
            snapshot = snapshot.withRelated(entry.getKey(), bodies);
        }
        return snapshot;
    }

    /**
     * Key Vaults are not children of a Batch account: a vault is attached to every account whose
     * customer-managed key URL has the vault's host, unless the account's envelope carried vaults.
     */
    ResourceSnapshot attachVault(ResourceSnapshot snapshot) {
        if (vaults.isEmpty() || snapshot.type() != ResourceType.BATCH_ACCOUNT
                || snapshot.related(RelatedKind.KEY_VAULTS).isPresent()) {
            return snapshot;
        }
        Optional<String> keyHost = snapshot.string("properties.encryption.keyVaultProperties.keyIdentifier")
                .flatMap(RelatedIndex::host);
        if (keyHost.isEmpty()) {
            return snapshot;
        }
        List<JsonObject> matching = vaults.stream()
                .filter(v -> JsonPath.of("properties.vaultUri").readString(v).flatMap(RelatedIndex::host)
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

    /** ARM ids compare case-insensitively ({@link ResourceId#equals}). */
    private static String key(ResourceId id) {
        return id.toString().toLowerCase(Locale.ROOT);
    }

    /** The first pass over one input. */
    final class Collector implements ExportDocument.Items {

        @Override
        public void streamed(JsonReader reader, int depth, ExportDocument.Position position) throws IOException {
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                reader.skipValue();
                return;
            }
            // Members are kept until the id shows what the item is; after that, only a related item's are.
            JsonObject item = new JsonObject();
            boolean decided = false;
            boolean keep = true;
            boolean valid = true;
            reader.beginObject();
            while (reader.hasNext()) {
                String name = reader.nextName();
                if (!keep) {
                    reader.skipValue();
                    continue;
                }
                JsonElement value;
                try {
                    value = StrictJson.read(reader, depth + 1, StrictJson.MemberObserver.NONE);
                } catch (IllegalArgumentException e) {
                    valid = false;
                    continue;
                }
                valid &= !item.has(name);
                item.add(name, value);
                if (!decided && name.equals("id") && value.isJsonPrimitive()) {
                    decided = true;
                    keep = mayBeRelated(value.getAsString());
                }
            }
            reader.endObject();
            if (keep && valid) {
                offer(item, position);
            }
        }

        @Override
        public void whole(JsonObject item, int idLine, ExportDocument.Position position) {
            offer(item, position);
        }

        void offer(JsonElement item, ExportDocument.Position position) {
            if (ExportReader.classify(item, position, 0) instanceof ExportReader.Item.Related related) {
                add(related);
            }
        }

        @Override
        public void badLine(ExportDocument.Position position, String message) {
            // Reported by the second pass, which meets the same line.
        }

        private boolean mayBeRelated(String id) {
            try {
                return ExportReader.relatedKind(ResourceId.parse(id).type()).isPresent();
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }
}
