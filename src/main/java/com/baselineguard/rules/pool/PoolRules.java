package com.baselineguard.rules.pool;

import com.baselineguard.rules.Rule;
import java.util.List;

/** The Batch pool rules, in id order. */
public final class PoolRules {

    private PoolRules() {
    }

    public static List<Rule> all() {
        return List.of(
                new BatchPoolVirtualNetwork(),
                new BatchPoolPublicIps(),
                new BatchPoolInboundEndpoints(),
                new BatchPoolDiskEncryption(),
                new BatchPoolEncryptionAtHost(),
                new BatchPoolTrustedLaunch(),
                new BatchPoolApprovedImage(),
                new BatchPoolManagedIdentity(),
                new BatchPoolNonAdminTasks(),
                new BatchPoolAutomaticOsUpdates());
    }
}
