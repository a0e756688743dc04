package com.baselineguard.rules.pool;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.testing.Fixtures;
import java.util.List;
import java.util.Optional;

/** The published pool shapes the pool rule tests use, and the variants they share. */
final class BatchPoolFixtures {

    static final String VM_PATH = "properties.deploymentConfiguration.virtualMachineConfiguration";

    /** Retired Cloud Services configuration, api-version 2024-07-01. */
    static final String CLOUD_SERVICE = "2024-07-01_PoolCreate_CloudServiceConfiguration.json";
    /** Windows, subnet, inbound NAT pool restricted to one address, Admin start task; Resizing at 0/0. */
    static final String POOL_GET = "2025-06-01_PoolGet.json";
    /** Linux gallery image, subnet, UserManaged public IPs; Steady at 0/0. */
    static final String PUBLIC_IPS = "2025-06-01_PoolCreate_PublicIPs.json";
    /** Linux gallery image, subnet, NoPublicIPAddresses; Steady at 0/0. */
    static final String NO_PUBLIC_IPS = "2025-06-01_PoolCreate_NoPublicIPAddresses.json";
    /** Linux gallery image, no network configuration, no security profile; Steady at 0/0. */
    static final String GALLERY = "2025-06-01_PoolCreate_SharedImageGallery.json";
    /** Linux, trustedLaunch, encryptionAtHost true, vTpm false; Resizing at 0/0. */
    static final String SECURITY_PROFILE = "2025-06-01_PoolCreate_SecurityProfile.json";
    /** As {@link #SECURITY_PROFILE} with one dedicated node, Steady. */
    static final String SECURITY_PROFILE_GET = "2025-06-01_PoolGet_SecurityProfile.json";
    /** Windows, confidentialVM with secure boot and vTpm, encryptionAtHost false; Resizing at 0/0. */
    static final String CONFIDENTIAL = "2025-06-01_PoolCreate_ConfidentialDiskEncryptionSet_ForUserSubscriptionAccounts.json";
    /** Windows, diskEncryptionConfiguration targets [OsDisk] with a customer-managed key, UserAssigned identity. */
    static final String CUSTOMER_MANAGED_KEY = "2025-06-01_PoolCreate_CustomerManagedKey_ForBatchManagedAccounts.json";
    /** A list read with $select: only allocation state and node counts. */
    static final String LIST_WITH_FILTER = "Microsoft.Batch/batchAccounts/pools/2025-06-01_PoolListWithFilter.json";
    private BatchPoolFixtures() {
    }

    /** A pool fixture by file name, e.g. {@code 2025-06-01_PoolGet.json}. */
    static ResourceSnapshot pool(String file) {
        return Fixtures.snapshot("Microsoft.Batch/batchAccounts/pools/" + file);
    }

    /**
     * The pool as it is once its allocation settles: most published create responses are still
     * {@code Resizing} at zero nodes.
     */
    static ResourceSnapshot steady(ResourceSnapshot pool) {
        return Fixtures.with(pool, "properties.allocationState", Fixtures.parse("\"Steady\""));
    }

    /** Default settings with an approved-image allow-list. */
    static RuleSettings approvedImages(String... images) {
        RuleSettings d = RuleSettings.defaults();
        return new RuleSettings(Optional.empty(), d.diagnosticSettingName(), List.of(), List.of(), List.of(),
                List.of(images), d.redisMaxFirewallRules(), d.redisMaxFirewallPublicIps());
    }
}
