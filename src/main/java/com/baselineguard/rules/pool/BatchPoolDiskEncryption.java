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
import com.baselineguard.rules.support.Values;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * BPOOL-004: node disks are encrypted (TemporaryDisk; on Windows also OsDisk). Not applicable to Linux pools
 * built from a custom image, where the disk encryption configuration is not supported and encryption at
 * host (BPOOL-005) is the way to encrypt the disks.
 */
public final class BatchPoolDiskEncryption extends AbstractRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("BPOOL-004", "BatchPool.DiskEncryption")
            .resourceType(ResourceType.BATCH_POOL)
            .severity(Severity.MEDIUM)
            .controls("DP-4")
            .synopsis("Azure Batch pools should encrypt node disks: TemporaryDisk on Linux pools, OsDisk and"
                    + " TemporaryDisk on Windows pools.")
            .recommendation("Set diskEncryptionConfiguration.targets to include TemporaryDisk (and OsDisk on Windows"
                    + " pools) while the pool is at zero nodes.")
            .fixClass(FixClass.DISRUPTIVE)
            .precondition(BatchPoolDrained.PRECONDITION)
            .build();

    private static final JsonPath TARGETS = JsonPath.of("diskEncryptionConfiguration.targets");

    // Batch 2025-06-01 DiskEncryptionConfiguration.targets: "On Linux pool, only "TemporaryDisk" is supported; on
    // Windows pool, "OsDisk" and "TemporaryDisk" must be specified."
    private static final JsonObject WINDOWS_FIX = JsonParser.parseString(
            "{\"diskEncryptionConfiguration\":{\"targets\":[\"OsDisk\",\"TemporaryDisk\"]}}").getAsJsonObject();
    private static final JsonObject LINUX_FIX = JsonParser.parseString(
            "{\"diskEncryptionConfiguration\":{\"targets\":[\"TemporaryDisk\"]}}").getAsJsonObject();

    public BatchPoolDiskEncryption() {
        super(METADATA, BatchPoolVmConfiguration.REQUIRED);
    }

    /** The evaluation of a pool that has a virtual machine configuration. */
    @Override
    protected Evaluation check(ResourceSnapshot resource, RuleSettings settings) {
        JsonObject vm = BatchPoolVmConfiguration.of(resource);
        boolean windows = BatchPoolVmConfiguration.windows(vm);
        // Policy 1760f9d4 requires TemporaryDisk; Windows pools must name OsDisk too (the targets description above).
        Set<String> required = windows ? Set.of("osdisk", "temporarydisk") : Set.of("temporarydisk");
        String expected = windows ? "OsDisk and TemporaryDisk (Windows pool)" : "TemporaryDisk";
        Optional<JsonArray> targets = TARGETS.readArray(vm);
        String where = BatchPoolVmConfiguration.PATH + "." + TARGETS;
        String reason = targets.isEmpty()
                ? where + " is not set (the pool encrypts no node disk)"
                : where + " is " + Values.display(targets.get());
        Set<String> present = targets.map(t -> t.asList().stream().map(Values::lowerText).collect(Collectors.toSet()))
                .orElse(Set.of());
        if (present.containsAll(required)) {
            return Evaluation.pass(reason);
        }
        Optional<String> customImage = windows ? Optional.empty() : BatchPoolVmConfiguration.customImage(vm);
        if (customImage.isPresent()) {
            return Evaluation.notApplicable(reason + ", and the pool is a Linux pool built from a custom image ("
                    + BatchPoolVmConfiguration.PATH + "." + customImage.get() + "): disk encryption configuration \"is not"
                    + " supported on Linux pool created with Virtual Machine Image or Azure Compute Gallery Image\", so"
                    + " encrypt its disks with encryption at host instead (BPOOL-005, securityProfile.encryptionAtHost)");
        }
        return BatchPoolVmConfiguration.withFix(Evaluation.fail(reason + "; expected " + expected), resource,
                windows ? WINDOWS_FIX : LINUX_FIX);
    }
}
