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
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * BPOOL-010: the node OS is patched automatically, as the synopsis says: by automatic OS upgrade
 * ({@code upgradePolicy.automaticOSUpgradePolicy.enableAutomaticOSUpgrade} true) on any pool, or by Windows
 * automatic updates on a Windows pool ({@code windowsConfiguration.enableAutomaticUpdates}: "If omitted, the
 * default value is true", Batch 2025-06-01 WindowsConfiguration).
 */
public final class BatchPoolAutomaticOsUpdates extends AbstractRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("BPOOL-010", "BatchPool.AutomaticOsUpdates")
            .resourceType(ResourceType.BATCH_POOL)
            .severity(Severity.LOW)
            .controls("PV-6")
            .synopsis("Azure Batch pools should patch the node OS automatically, through automatic OS upgrades or"
                    + " Windows automatic updates.")
            .recommendation("Enable upgradePolicy.automaticOSUpgradePolicy.enableAutomaticOSUpgrade, or keep"
                    + " windowsConfiguration.enableAutomaticUpdates on for Windows pools.")
            .fixClass(FixClass.NONE)
            .build();

    private static final JsonPath UPGRADE_POLICY = JsonPath.of("properties.upgradePolicy");
    private static final JsonPath AUTOMATIC_OS_UPGRADE =
            JsonPath.of("properties.upgradePolicy.automaticOSUpgradePolicy.enableAutomaticOSUpgrade");
    private static final JsonPath MODE = JsonPath.of("properties.upgradePolicy.mode");
    private static final JsonPath WINDOWS_UPDATES = JsonPath.of("windowsConfiguration.enableAutomaticUpdates");

    public BatchPoolAutomaticOsUpdates() {
        super(METADATA, BatchPoolVmConfiguration.REQUIRED);
    }

    /** The evaluation of a pool that has a virtual machine configuration. */
    @Override
    protected Evaluation check(ResourceSnapshot resource, RuleSettings settings) {
        Optional<JsonElement> automatic = AUTOMATIC_OS_UPGRADE.read(resource.resource());
        if (automatic.map(Values::isTrue).orElse(false)) {
            return Evaluation.pass(AUTOMATIC_OS_UPGRADE + " is true");
        }
        JsonObject vm = BatchPoolVmConfiguration.of(resource);
        String windowsUpdatesPath = BatchPoolVmConfiguration.PATH + "." + WINDOWS_UPDATES;
        Optional<JsonElement> windowsUpdates = WINDOWS_UPDATES.read(vm);
        boolean windows = BatchPoolVmConfiguration.windows(vm);
        if (windows && !windowsUpdates.map(Values::isFalse).orElse(false)) {
            return Evaluation.pass("Windows pool: " + windowsUpdatesPath + (windowsUpdates.isPresent()
                    ? " is " + Values.display(windowsUpdates.get())
                    : " is not set (the default is true)") + ", so Windows automatic updates patch the nodes");
        }
        List<String> problems = new ArrayList<>();
        if (UPGRADE_POLICY.read(resource.resource()).isEmpty()) {
            problems.add(UPGRADE_POLICY + " is not set (no automatic OS upgrade)");
        } else {
            problems.add(MODE + " is " + MODE.read(resource.resource()).map(Values::display).orElse("not set")
                    + " and " + AUTOMATIC_OS_UPGRADE + " is " + automatic.map(Values::display).orElse("not set"));
        }
        if (windows) {
            problems.add(windowsUpdatesPath + " is false");
        }
        return Evaluation.fail(String.join("; ", problems) + "; expected " + AUTOMATIC_OS_UPGRADE + " true"
                + (windows ? ", or " + WINDOWS_UPDATES.segments().get(1) + " true on this Windows pool" : ""));
    }
}
