package com.baselineguard.arm;

import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceType;
import java.util.Optional;

/**
 * Where ARM lists a kind of related data of a resource: the path below the resource id and the
 * api-version of that list operation, each a published operation of the Azure REST API specifications
 * (github.com/Azure/azure-rest-api-specs):
 * <ul>
 * <li>diagnostic settings: {@code DiagnosticSettings_List}, {@code {id}/providers/Microsoft.Insights/diagnosticSettings}
 *     (specification/monitor/resource-manager/Microsoft.Insights/preview/2021-05-01-preview/diagnosticsSettings_API.json);</li>
 * <li>Redis firewall rules: {@code FirewallRules_List}, {@code {id}/firewallRules}, pageable by {@code nextLink}
 *     (specification/redis/resource-manager/Microsoft.Cache/stable/2024-11-01/redis.json);</li>
 * <li>Redis private endpoint connections: {@code PrivateEndpointConnections_List}, {@code {id}/privateEndpointConnections},
 *     pageable by {@code nextLink} (same file);</li>
 * <li>Redis Enterprise private endpoint connections: {@code PrivateEndpointConnections_List}, not paged
 *     (specification/redisenterprise/resource-manager/Microsoft.Cache/stable/2025-07-01/redisenterprise.json);</li>
 * <li>Batch private endpoint connections: {@code PrivateEndpointConnection_ListByBatchAccount}, pageable by
 *     {@code nextLink} (specification/batch/resource-manager/Microsoft.Batch/stable/2025-06-01/BatchManagement.json);</li>
 * <li>Batch certificates: {@code Certificate_ListByBatchAccount}, {@code {id}/certificates}, pageable by {@code nextLink};
 *     marked deprecated in 2024-07-01 (the feature was retired on 2024-02-29) and absent from 2025-06-01
 *     (specification/batch/resource-manager/Microsoft.Batch/stable/2024-07-01/BatchManagement.json).</li>
 * </ul>
 * Every answer is {@code {"value": [...], "nextLink": "..."}}; a list without {@code nextLink} is one page. The RBAC
 * actions are those of Learn's "Azure permissions for Databases" (Microsoft.Cache) and "Azure permissions for Compute"
 * (Microsoft.Batch) pages.
 *
 * @param suffix the path below the resource id, starting with {@code /}
 * @param apiVersion the api-version of the list operation
 * @param action the RBAC action ARM checks for the list (LeastPrivilegeTest holds it to the recorded requests)
 */
public record RelatedCollection(String suffix, String apiVersion, String action) {

    /** The list operation of a related kind for a resource type, or empty when ARM has none Baseline Guard reads. */
    public static Optional<RelatedCollection> of(ResourceType type, RelatedKind kind) {
        return Optional.ofNullable(switch (kind) {
            case DIAGNOSTIC_SETTINGS -> new RelatedCollection("/providers/Microsoft.Insights/diagnosticSettings",
                    ApiVersions.DIAGNOSTIC_SETTINGS, "Microsoft.Insights/diagnosticSettings/read");
            case FIREWALL_RULES -> type == ResourceType.REDIS
                    ? new RelatedCollection("/firewallRules", ApiVersions.REDIS, "Microsoft.Cache/redis/firewallRules/read")
                    : null;
            case PRIVATE_ENDPOINT_CONNECTIONS -> switch (type) {
                case REDIS -> new RelatedCollection("/privateEndpointConnections", ApiVersions.REDIS,
                        "Microsoft.Cache/redis/privateEndpointConnections/read");
                case REDIS_ENTERPRISE -> new RelatedCollection("/privateEndpointConnections", ApiVersions.REDIS_ENTERPRISE,
                        "Microsoft.Cache/redisEnterprise/privateEndpointConnections/read");
                case BATCH_ACCOUNT -> new RelatedCollection("/privateEndpointConnections", ApiVersions.BATCH,
                        "Microsoft.Batch/batchAccounts/privateEndpointConnections/read");
                default -> null;
            };
            case CERTIFICATES -> type == ResourceType.BATCH_ACCOUNT
                    ? new RelatedCollection("/certificates", ApiVersions.BATCH_CERTIFICATES,
                            "Microsoft.Batch/batchAccounts/certificates/read")
                    : null;
            case KEY_VAULTS, KEYS -> null;
        });
    }
}
