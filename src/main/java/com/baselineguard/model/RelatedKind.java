package com.baselineguard.model;

/**
 * Data a rule may need that does not live in the resource body. A snapshot either carries a kind
 * (possibly as an empty list: "loaded, there are none") or does not ("not loaded"), and rules that
 * need a kind that is not loaded report {@code not_evaluated} rather than passing silently.
 */
public enum RelatedKind {
    /** {@code Microsoft.Insights/diagnosticSettings} on the resource. */
    DIAGNOSTIC_SETTINGS("diagnosticSettings", "Microsoft.Insights/diagnosticSettings"),
    /** {@code Microsoft.Cache/redis/firewallRules}. */
    FIREWALL_RULES("firewallRules", "Microsoft.Cache/redis/firewallRules"),
    /** {@code .../privateEndpointConnections}, also carried in the body as {@code properties.privateEndpointConnections}. */
    PRIVATE_ENDPOINT_CONNECTIONS("privateEndpointConnections", "privateEndpointConnections"),
    /** {@code Microsoft.Batch/batchAccounts/certificates} (retired feature; visible with api-version 2024-07-01 and older). */
    CERTIFICATES("certificates", "Microsoft.Batch/batchAccounts/certificates"),
    /** The {@code Microsoft.KeyVault/vaults} holding a Batch account's customer-managed key. */
    KEY_VAULTS("keyVaults", "Microsoft.KeyVault/vaults"),
    /**
     * A summary of a Batch account's customer-managed key as the Key Vault data plane reports it:
     * attributes, size and rotation policy (shape in docs/rules/BATCH-010.md). Read beside the
     * resource so that the rule stays a pure function of the snapshot.
     */
    KEYS("keys", "Key Vault key attributes and rotation policy");

    private final String jsonName;
    private final String description;

    RelatedKind(String jsonName, String description) {
        this.jsonName = jsonName;
        this.description = description;
    }

    /** The member name used for this kind in a snapshot envelope's {@code related} object. */
    public String jsonName() {
        return jsonName;
    }

    /** What is missing, in words a reason can quote. */
    public String description() {
        return description;
    }
}
