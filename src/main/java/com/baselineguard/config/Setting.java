package com.baselineguard.config;

/**
 * Every app setting (environment variable) Baseline Guard reads. docs/configuration.md documents each
 * one; a test keeps the two in step.
 */
public enum Setting {
    BG_RULE_MODE_("off | audit | enforce for one rule, e.g. BG_RULE_MODE_REDIS_001=enforce",
            "safe fixes: enforce; disruptive and detect-only: audit"),
    BG_MAX_MODE("ceiling on every rule's mode: set audit to roll out without changing anything", "enforce"),
    BG_EXEMPTION_TAG("tag key that exempts a resource: value empty/*/all/true for every rule, or rule ids",
            "baseline-guard-exempt"),
    BG_SCOPES("allow-list of scopes: /subscriptions/{id} or /subscriptions/{id}/resourceGroups/{name}, comma separated",
            "empty: every scope"),
    BG_DIAGNOSTICS_WORKSPACE_ID("Log Analytics workspace resource id the diagnostic-logs fixes send logs to",
            "empty: the diagnostic-logs fixes are blocked"),
    BG_DIAGNOSTIC_SETTING_NAME("name of the diagnostic setting Baseline Guard creates", "baseline-guard"),
    BG_BATCH_ACCOUNT_ALLOWED_IPS("IPv4 addresses or CIDR ranges allowed to a Batch account endpoint (BATCH-002 fix)",
            "empty: the fix is blocked"),
    BG_BATCH_NODE_MANAGEMENT_ALLOWED_IPS("IPv4 addresses or CIDR ranges allowed to the node-management endpoint"
            + " (BATCH-003 fix); include the pools' outbound IPs", "empty: the fix is blocked"),
    BG_ALLOWED_LOCATIONS("Azure regions Batch accounts may use (BATCH-013)", "empty: BATCH-013 not evaluated"),
    BG_APPROVED_POOL_IMAGES("approved pool images (BPOOL-007): publisher:offer:sku with * allowed, or a gallery image id"
            + " prefix", "empty: BPOOL-007 not evaluated"),
    BG_REDIS_MAX_FIREWALL_RULES("most firewall rules a Redis cache with public access may have (REDIS-004)", "10"),
    BG_REDIS_MAX_FIREWALL_PUBLIC_IPS("most public IP addresses Redis firewall rules may admit (REDIS-004)", "10"),
    BG_FOLLOW_UP_DELAY_SECONDS("seconds before the next plan step or the verification read of a remediated resource",
            "30"),
    BG_MAX_ATTEMPTS("invocations one resource's chain of work may take before it ends failed", "10"),
    BG_KEY_EXPIRY_WARNING_DAYS("a Batch customer-managed key expiring within this many days fails BATCH-010 (0-3650)",
            "30"),
    BG_KEY_ROTATE_BEFORE_EXPIRY_DAYS("the rotation policy BATCH-010's fix sets rotates the key this many days before"
            + " it expires (7-330)", "30"),
    BG_OUTCOME_TOPIC_ENDPOINT("Event Grid custom topic endpoint (https) each outcome record is published to as a"
            + " CloudEvent, with the managed identity", "empty: outcomes are only logged"),
    BG_CONTEST_MAX_FIXES("fixes of one rule on one resource within BG_CONTEST_WINDOW_MINUTES after which the resource"
            + " is contested and no further PATCH is sent for that rule", "3"),
    BG_CONTEST_WINDOW_MINUTES("the loop and fight guard's window, in minutes", "60"),
    BG_WRITES_PER_SECOND("most writes (PATCH, PUT) per second one process sends to one subscription; 0 turns pacing off",
            "10");

    private final String description;
    private final String defaultValue;

    Setting(String description, String defaultValue) {
        this.description = description;
        this.defaultValue = defaultValue;
    }

    public String description() {
        return description;
    }

    public String defaultValue() {
        return defaultValue;
    }

    /** The variable name; for the per-rule family, the prefix. */
    public String variable() {
        return name();
    }
}
