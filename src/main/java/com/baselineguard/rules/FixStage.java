package com.baselineguard.rules;

/**
 * Where a fix falls in a resource's plan. The planner sends stages in this order; fixes in a shared
 * stage go together in one PATCH, fixes in an exclusive stage each get a PATCH of their own because
 * the resource provider refuses them in combination (Azure Cache for Redis answers "The following
 * updates can't be processed in one single request" for {@code publicNetworkAccess} with
 * {@code identity} or {@code redisVersion}; Azure/azure-cli#20997, #26204) or because they restart
 * the service.
 */
public enum FixStage {
    /** Plain hardening properties (TLS, ports, update channel, authentication modes, network rules). */
    HARDENING(false),
    /** Assigning a managed identity; later stages may depend on it. */
    IDENTITY(true),
    /** Settings that need the identity (persistence and auto-storage authentication). */
    USES_IDENTITY(false),
    /** Microsoft Entra authentication for Redis; reboots nodes. */
    ENTRA_AUTHENTICATION(true),
    /** Turning off key-based access; needs Entra authentication first. */
    LOCAL_AUTHENTICATION(false),
    /** Redis version upgrade (one way). */
    VERSION(true),
    /** Public network access off: last, once everything else is in place. */
    NETWORK_ISOLATION(true),
    /** PUTs of extension resources such as diagnostic settings; one step each. */
    EXTENSION(true),
    /** Key Vault data-plane writes (a key's rotation policy): another service, one step each. */
    KEY_VAULT(true);

    private final boolean exclusive;

    FixStage(boolean exclusive) {
        this.exclusive = exclusive;
    }

    /** True when a fix in this stage must be sent alone. */
    public boolean exclusive() {
        return exclusive;
    }
}
