package com.baselineguard.rules.pool;

import com.baselineguard.model.JsonPath;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.AbstractRule;
import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * BPOOL-007: the pool's image is on the organisation's approved list. Entries are
 * {@code publisher:offer:sku} (any part may be {@code *}) or a prefix of a custom image's identifier, which the
 * 2025-06-01 ImageReference holds in {@code id} (a managed image or an Azure Compute Gallery image version),
 * {@code sharedGalleryImageId} or {@code communityGalleryImageId}; both compare ignoring case. The end-of-life half of the synopsis needs the Batch data-plane list of supported images,
 * which snapshots do not carry, so only the allow-list is checked.
 */
public final class BatchPoolApprovedImage extends AbstractRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("BPOOL-007", "BatchPool.ApprovedImage")
            .resourceType(ResourceType.BATCH_POOL)
            .severity(Severity.LOW)
            .controls("PV-3")
            .synopsis("Azure Batch pools should use an approved OS image that has not passed its Batch support"
                    + " end-of-life date.")
            .recommendation("Build pools from approved Azure Compute Gallery images or allow-listed marketplace"
                    + " images, and move pools off images past batchSupportEndOfLife.")
            .fixClass(FixClass.NONE)
            .build();

    private static final String SETTING = "BG_APPROVED_POOL_IMAGES";
    private static final JsonPath IMAGE = JsonPath.of("imageReference");

    public BatchPoolApprovedImage() {
        super(METADATA, BatchPoolVmConfiguration.REQUIRED);
    }

    /** The evaluation of a pool that has a virtual machine configuration. */
    @Override
    protected Evaluation check(ResourceSnapshot resource, RuleSettings settings) {
        if (settings.approvedPoolImages().isEmpty()) {
            return Evaluation.notEvaluated("no approved pool images are configured (setting " + SETTING + ")");
        }
        JsonPath where = JsonPath.of(BatchPoolVmConfiguration.PATH + "." + IMAGE);
        Optional<Image> image = IMAGE.readObject(BatchPoolVmConfiguration.of(resource)).map(Image::of);
        if (image.isEmpty()) {
            return Evaluation.fail(where + " is not set, so the image cannot be matched to " + SETTING);
        }
        for (String entry : settings.approvedPoolImages()) {
            if (image.get().matches(entry.trim())) {
                return Evaluation.pass(where + " " + image.get() + " matches approved image \"" + entry.trim() + "\"");
            }
        }
        return Evaluation.fail(where + " " + image.get() + " is not among the approved pool images (" + SETTING + ")");
    }

    /** The parts of an image reference the allow-list can name. */
    private record Image(String id, String sharedGalleryImageId, String communityGalleryImageId, String publisher,
            String offer, String sku) {

        static Image of(JsonObject reference) {
            return new Image(text(reference, "id"), text(reference, "sharedGalleryImageId"),
                    text(reference, "communityGalleryImageId"), text(reference, "publisher"), text(reference, "offer"),
                    text(reference, "sku"));
        }

        boolean matches(String entry) {
            if (entry.isEmpty()) {
                return false;
            }
            if (!entry.contains(":")) {
                String prefix = entry.toLowerCase(Locale.ROOT);
                return Stream.of(id, sharedGalleryImageId, communityGalleryImageId)
                        .anyMatch(value -> !value.isEmpty() && value.toLowerCase(Locale.ROOT).startsWith(prefix));
            }
            String[] parts = entry.split(":", -1);
            return parts.length == 3 && !publisher.isEmpty() && part(parts[0], publisher) && part(parts[1], offer)
                    && part(parts[2], sku);
        }

        private static boolean part(String wanted, String actual) {
            return wanted.trim().equals("*") || wanted.trim().equalsIgnoreCase(actual);
        }

        private static String text(JsonObject reference, String member) {
            return JsonPath.of(member).readString(reference).map(String::trim).orElse("");
        }

        @Override
        public String toString() {
            if (!id.isEmpty()) {
                return "id \"" + id + "\"";
            }
            if (!sharedGalleryImageId.isEmpty()) {
                return "sharedGalleryImageId \"" + sharedGalleryImageId + "\"";
            }
            if (!communityGalleryImageId.isEmpty()) {
                return "communityGalleryImageId \"" + communityGalleryImageId + "\"";
            }
            return "\"" + publisher + ":" + offer + ":" + sku + "\"";
        }
    }
}
