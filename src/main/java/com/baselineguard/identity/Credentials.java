package com.baselineguard.identity;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.util.Configuration;
import com.azure.core.util.ConfigurationBuilder;
import com.azure.core.util.ConfigurationSource;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one factory of the {@link TokenCredential} every Azure client of Baseline Guard uses: ARM, Key
 * Vault, Event Grid and the fix ledger's table. Per identity (client id) one credential, shared by the
 * clients of a process so that they share one token cache and the identity endpoint is asked once per
 * audience.
 *
 * <ul>
 *   <li>Where App Service and Functions set {@code IDENTITY_ENDPOINT}, the managed identity is the
 *       credential directly: no DefaultAzureCredential chain, fewer classes and probes before the first
 *       request at cold start (docs/performance.md). Its pipeline is its own small one: the one azure-identity
 *       builds adds HttpLoggingPolicy, whose class initializer loads Jackson (about 400 classes); same
 *       policies otherwise (user agent, azure-core's default retries), on the process's one HTTP client.</li>
 *   <li>Elsewhere DefaultAzureCredential: the developer's own login on a workstation, a managed identity on
 *       a VM.</li>
 * </ul>
 * The SDK reads its own variables ({@code IDENTITY_HEADER}, {@code AZURE_TENANT_ID}, ...) from the settings'
 * environment, not from the process globals, so tests and the CLI can pass their own.
 */
public final class Credentials {

    /** Sent as User-Agent to the identity endpoint, as to ARM. */
    static final String USER_AGENT = "baseline-guard";

    /** One factory per environment in the process, so that compositions over the same settings share tokens. */
    private static final Map<Map<String, String>, Credentials> SHARED = new ConcurrentHashMap<>();

    private final boolean managedIdentityEndpoint;
    private final Map<String, String> sdkEnvironment;
    private final Map<Optional<String>, TokenCredential> byClientId = new ConcurrentHashMap<>();

    private Credentials(boolean managedIdentityEndpoint, Map<String, String> sdkEnvironment) {
        this.managedIdentityEndpoint = managedIdentityEndpoint;
        this.sdkEnvironment = Map.copyOf(sdkEnvironment);
    }

    /**
     * The factory for an environment, shared by everything in the process built from the same one.
     *
     * @param managedIdentityEndpoint whether {@code IDENTITY_ENDPOINT} is set (config's {@code AzureSettings})
     * @param sdkEnvironment the environment the SDK's credentials read their own variables from
     */
    public static Credentials of(boolean managedIdentityEndpoint, Map<String, String> sdkEnvironment) {
        return SHARED.computeIfAbsent(Map.copyOf(sdkEnvironment),
                environment -> new Credentials(managedIdentityEndpoint, environment));
    }

    /**
     * The credential of an identity: a user-assigned managed identity by its client id, or (empty) the
     * system-assigned identity or the developer's login.
     */
    public TokenCredential forClient(Optional<String> clientId) {
        return byClientId.computeIfAbsent(clientId, this::build);
    }

    private TokenCredential build(Optional<String> clientId) {
        if (managedIdentityEndpoint) {
            ManagedIdentityCredentialBuilder managed = new ManagedIdentityCredentialBuilder()
                    .configuration(configuration(sdkEnvironment))
                    .pipeline(new HttpPipelineBuilder().httpClient(AzureHttp.client())
                            .policies(new UserAgentPolicy(USER_AGENT), new RetryPolicy()).build());
            clientId.ifPresent(managed::clientId);
            return managed.build();
        }
        DefaultAzureCredentialBuilder builder = new DefaultAzureCredentialBuilder()
                .configuration(configuration(sdkEnvironment));
        clientId.ifPresent(builder::managedIdentityClientId);
        return builder.build();
    }

    /** An azure-core Configuration whose environment is the given map. */
    static Configuration configuration(Map<String, String> environment) {
        ConfigurationSource none = path -> Map.of();
        ConfigurationSource variables = path -> environment;
        return new ConfigurationBuilder(none, none, variables).build();
    }
}
