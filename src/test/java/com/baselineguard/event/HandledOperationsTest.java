package com.baselineguard.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The operation filter holds only names the resource providers publish
 * (learn.microsoft.com/azure/role-based-access-control/permissions/databases, .../compute, .../monitor),
 * and no two differ only in case (Event Grid's StringIn filter ignores case).
 */
class HandledOperationsTest {

    @Test
    void microsoftCachePublishesNoProviderScopedDiagnosticSettingWrite() {
        // The Microsoft.Cache operations list has redisEnterprise/providers/Microsoft.Insights/metricDefinitions/read
        // and nothing else under providers/: a diagnostic-setting write arrives as Microsoft.Insights/diagnosticSettings/write.
        for (String name : HandledOperations.ALL) {
            assertFalse(name.startsWith("Microsoft.Cache/") && name.contains("/providers/"), name);
        }
        assertTrue(HandledOperations.ALL.contains("Microsoft.Insights/diagnosticSettings/write"));
        assertTrue(HandledOperations.ALL.contains("Microsoft.Batch/batchAccounts/providers/Microsoft.Insights/diagnosticSettings/write"),
                "published in the Microsoft.Batch operations list");
    }

    @Test
    void everyNameIsAWriteAndNoTwoDifferOnlyInCase() {
        Set<String> folded = HandledOperations.ALL.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        assertEquals(HandledOperations.ALL.size(), folded.size());
        HandledOperations.ALL.forEach(n -> assertTrue(n.endsWith("/write") && !n.contains("*"), n));
    }
}
