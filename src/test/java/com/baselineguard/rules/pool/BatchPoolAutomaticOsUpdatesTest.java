package com.baselineguard.rules.pool;

import static com.baselineguard.rules.pool.BatchPoolFixtures.CLOUD_SERVICE;
import static com.baselineguard.rules.pool.BatchPoolFixtures.GALLERY;
import static com.baselineguard.rules.pool.BatchPoolFixtures.LIST_WITH_FILTER;
import static com.baselineguard.rules.pool.BatchPoolFixtures.POOL_GET;
import static com.baselineguard.rules.pool.BatchPoolFixtures.VM_PATH;
import static com.baselineguard.rules.pool.BatchPoolFixtures.pool;
import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import org.junit.jupiter.api.Test;

class BatchPoolAutomaticOsUpdatesTest {

    private static final String AUTOMATIC = "properties.upgradePolicy.automaticOSUpgradePolicy.enableAutomaticOSUpgrade";
    private static final String UPGRADE_POLICY = "2025-06-01_PoolCreate_UpgradePolicy.json";

    private final BatchPoolAutomaticOsUpdates rule = new BatchPoolAutomaticOsUpdates();

    @Test
    void passesWithAutomaticOsUpgradeEvenThoughWindowsUpdatesMustBeOff() {
        // Published Windows pool: automatic OS upgrade on, enableAutomaticUpdates false as that requires.
        var evaluation = assertStatus(Status.PASS, rule, pool("2025-06-01_PoolGet_UpgradePolicy.json"));
        assertEquals(AUTOMATIC + " is true", evaluation.reason());
    }

    @Test
    void failsOnALinuxPoolWithoutAnUpgradePolicy() {
        // Published Linux (Ubuntu) gallery-image pool: Linux has no Windows automatic updates to fall back on.
        var evaluation = assertStatus(Status.FAIL, rule, pool(GALLERY));
        assertEquals("properties.upgradePolicy is not set (no automatic OS upgrade); expected " + AUTOMATIC + " true",
                evaluation.reason());
        assertTrue(evaluation.fix().isEmpty(), "detect only");
    }

    @Test
    void passesOnAWindowsPoolWhoseAutomaticUpdatesAreOnByDefault() {
        // Published Windows pool without upgradePolicy or windowsConfiguration: "If omitted, the default value is true".
        var evaluation = assertStatus(Status.PASS, rule, pool(POOL_GET));
        assertEquals("Windows pool: " + VM_PATH + ".windowsConfiguration.enableAutomaticUpdates is not set (the default"
                + " is true), so Windows automatic updates patch the nodes", evaluation.reason());
    }

    @Test
    void passesOnAWindowsPoolWithAutomaticUpdatesTurnedOn() {
        ResourceSnapshot on = Fixtures.with(pool("2025-06-01_PoolCreate_VirtualMachineConfiguration.json"),
                VM_PATH + ".windowsConfiguration.enableAutomaticUpdates", Fixtures.parse("true"));
        var evaluation = assertStatus(Status.PASS, rule, on);
        assertEquals("Windows pool: " + VM_PATH + ".windowsConfiguration.enableAutomaticUpdates is true, so Windows"
                + " automatic updates patch the nodes", evaluation.reason());
    }

    @Test
    void failsWhenWindowsUpdatesAreOffAndThereIsNoUpgradePolicy() {
        var evaluation = assertStatus(Status.FAIL, rule, pool("2025-06-01_PoolCreate_VirtualMachineConfiguration.json"));
        assertEquals("properties.upgradePolicy is not set (no automatic OS upgrade); " + VM_PATH
                + ".windowsConfiguration.enableAutomaticUpdates is false; expected " + AUTOMATIC + " true, or"
                + " enableAutomaticUpdates true on this Windows pool", evaluation.reason());
    }

    @Test
    void failsInManualModeWithoutAutomaticOsUpgrade() {
        ResourceSnapshot manual = Fixtures.with(Fixtures.with(pool(UPGRADE_POLICY), "properties.upgradePolicy.mode",
                Fixtures.parse("\"manual\"")), AUTOMATIC, Fixtures.parse("false"));
        var evaluation = assertStatus(Status.FAIL, rule, manual);
        assertEquals("properties.upgradePolicy.mode is \"manual\" and " + AUTOMATIC + " is false; " + VM_PATH
                + ".windowsConfiguration.enableAutomaticUpdates is false; expected " + AUTOMATIC + " true, or"
                + " enableAutomaticUpdates true on this Windows pool", evaluation.reason());
    }

    @Test
    void failsInAutomaticModeWhenAutomaticOsUpgradeIsNotSet() {
        ResourceSnapshot automaticMode = Fixtures.without(pool(UPGRADE_POLICY), AUTOMATIC);
        assertStatus(Status.FAIL, rule, automaticMode);
    }

    @Test
    void isNotApplicableToARetiredCloudServicesPool() {
        assertStatus(Status.NOT_APPLICABLE, rule, pool(CLOUD_SERVICE));
    }

    @Test
    void isNotEvaluatedWhenTheSnapshotLacksTheDeploymentConfiguration() {
        assertStatus(Status.NOT_EVALUATED, rule, Fixtures.list(LIST_WITH_FILTER).get(0));
    }
}
