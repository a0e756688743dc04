package com.baselineguard.rules.pool;

import static com.baselineguard.rules.pool.BatchPoolFixtures.CLOUD_SERVICE;
import static com.baselineguard.rules.pool.BatchPoolFixtures.GALLERY;
import static com.baselineguard.rules.pool.BatchPoolFixtures.POOL_GET;
import static com.baselineguard.rules.pool.BatchPoolFixtures.pool;
import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import org.junit.jupiter.api.Test;

class BatchPoolNonAdminTasksTest {

    private static final String START_TASK = "properties.startTask.userIdentity.autoUser.elevationLevel";

    private final BatchPoolNonAdminTasks rule = new BatchPoolNonAdminTasks();

    @Test
    void failsWhenTheStartTaskAndAUserAccountAreAdmin() {
        var evaluation = assertStatus(Status.FAIL, rule, pool(POOL_GET));
        assertEquals(START_TASK + " is \"Admin\"; user account 'username1' has elevationLevel \"Admin\"; expected NonAdmin",
                evaluation.reason());
        assertTrue(evaluation.fix().isEmpty(), "detect only");
    }

    @Test
    void failsOnTheRetiredCloudServicesShapeToo() {
        assertStatus(Status.FAIL, rule, pool(CLOUD_SERVICE));
    }

    @Test
    void failsWhenOnlyAUserAccountIsAdmin() {
        var evaluation = assertStatus(Status.FAIL, rule,
                Fixtures.with(pool(POOL_GET), START_TASK, Fixtures.parse("\"nonAdmin\"")));
        assertEquals("user account 'username1' has elevationLevel \"Admin\"; expected NonAdmin", evaluation.reason());
    }

    @Test
    void passesWhenEverythingIsNonAdminInAnyCasing() {
        ResourceSnapshot nonAdmin = Fixtures.with(Fixtures.with(pool(POOL_GET), START_TASK, Fixtures.parse("\"NonAdmin\"")),
                "properties.userAccounts", Fixtures.parse("[{\"name\":\"username1\",\"elevationLevel\":\"nonadmin\"}]"));
        var evaluation = assertStatus(Status.PASS, rule, nonAdmin);
        assertEquals("neither the start task auto-user nor any of 1 user accounts has elevationLevel Admin (absent means"
                + " NonAdmin)", evaluation.reason());
    }

    @Test
    void passesWhenElevationIsAbsentBecauseTheDefaultIsNonAdmin() {
        ResourceSnapshot absent = Fixtures.without(pool(POOL_GET), "properties.startTask.userIdentity.autoUser.elevationLevel");
        absent = Fixtures.with(absent, "properties.userAccounts", Fixtures.parse("[{\"name\":\"username1\"}]"));
        assertStatus(Status.PASS, rule, absent);
        assertStatus(Status.PASS, rule, pool(GALLERY));
    }
}
