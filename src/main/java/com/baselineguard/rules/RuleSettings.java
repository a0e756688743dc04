package com.baselineguard.rules;

import java.util.List;
import java.util.Optional;

/**
 * The organisation's inputs some rules need (allow-lists, the Log Analytics workspace for diagnostic
 * logs). Read from app settings by the config package; see docs/configuration.md.
 *
 * @param diagnosticsWorkspaceId Log Analytics workspace resource id the diagnostic-settings fixes send logs to
 * @param diagnosticSettingName name of the diagnostic setting Baseline Guard creates
 * @param batchAccountAllowedIps IPv4 addresses or CIDR ranges allowed to the Batch account endpoint
 * @param batchNodeManagementAllowedIps IPv4 addresses or CIDR ranges allowed to the node-management endpoint
 * @param allowedLocations Azure regions Batch accounts may be in (empty: not configured)
 * @param approvedPoolImages approved pool images: {@code publisher:offer:sku} (sku may be {@code *}) or a gallery image id prefix
 * @param redisMaxFirewallRules most firewall rules a cache with public access may have
 * @param redisMaxFirewallPublicIps most public IP addresses its firewall rules may admit
 * @param keyExpiryWarningDays a customer-managed key expiring within this many days fails BATCH-010
 * @param keyRotateBeforeExpiryDays the rotation policy BATCH-010's fix sets rotates this many days before expiry
 */
public record RuleSettings(
        Optional<String> diagnosticsWorkspaceId,
        String diagnosticSettingName,
        List<String> batchAccountAllowedIps,
        List<String> batchNodeManagementAllowedIps,
        List<String> allowedLocations,
        List<String> approvedPoolImages,
        int redisMaxFirewallRules,
        int redisMaxFirewallPublicIps,
        int keyExpiryWarningDays,
        int keyRotateBeforeExpiryDays) {

    public static final String DEFAULT_DIAGNOSTIC_SETTING_NAME = "baseline-guard";
    public static final int DEFAULT_KEY_EXPIRY_WARNING_DAYS = 30;
    public static final int DEFAULT_KEY_ROTATE_BEFORE_EXPIRY_DAYS = 30;

    public RuleSettings {
        batchAccountAllowedIps = List.copyOf(batchAccountAllowedIps);
        batchNodeManagementAllowedIps = List.copyOf(batchNodeManagementAllowedIps);
        allowedLocations = List.copyOf(allowedLocations);
        approvedPoolImages = List.copyOf(approvedPoolImages);
    }

    /** The settings without the key-management ones, which take their defaults. */
    public RuleSettings(Optional<String> diagnosticsWorkspaceId, String diagnosticSettingName,
            List<String> batchAccountAllowedIps, List<String> batchNodeManagementAllowedIps, List<String> allowedLocations,
            List<String> approvedPoolImages, int redisMaxFirewallRules, int redisMaxFirewallPublicIps) {
        this(diagnosticsWorkspaceId, diagnosticSettingName, batchAccountAllowedIps, batchNodeManagementAllowedIps,
                allowedLocations, approvedPoolImages, redisMaxFirewallRules, redisMaxFirewallPublicIps,
                DEFAULT_KEY_EXPIRY_WARNING_DAYS, DEFAULT_KEY_ROTATE_BEFORE_EXPIRY_DAYS);
    }

    /** Nothing configured: the thresholds PSRule for Azure uses and no allow-lists. */
    public static RuleSettings defaults() {
        return new RuleSettings(Optional.empty(), DEFAULT_DIAGNOSTIC_SETTING_NAME, List.of(), List.of(), List.of(),
                List.of(), 10, 10);
    }

    public RuleSettings withDiagnosticsWorkspaceId(String workspaceId) {
        return new RuleSettings(Optional.of(workspaceId), diagnosticSettingName, batchAccountAllowedIps,
                batchNodeManagementAllowedIps, allowedLocations, approvedPoolImages, redisMaxFirewallRules,
                redisMaxFirewallPublicIps, keyExpiryWarningDays, keyRotateBeforeExpiryDays);
    }

    public RuleSettings withKeyManagement(int expiryWarningDays, int rotateBeforeExpiryDays) {
        return new RuleSettings(diagnosticsWorkspaceId, diagnosticSettingName, batchAccountAllowedIps,
                batchNodeManagementAllowedIps, allowedLocations, approvedPoolImages, redisMaxFirewallRules,
                redisMaxFirewallPublicIps, expiryWarningDays, rotateBeforeExpiryDays);
    }
}
