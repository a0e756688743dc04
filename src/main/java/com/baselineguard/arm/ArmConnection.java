package com.baselineguard.arm;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.resourcemanager.resources.fluentcore.utils.ResourceManagerUtils;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.policy.FixedDelay;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.core.util.Configuration;
import com.azure.core.util.ConfigurationBuilder;
import com.azure.core.util.ConfigurationSource;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.azure.resourcemanager.resources.fluentcore.utils.HttpPipelineProvider;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the {@link SdkArmGateway} from the environment, once per process.
 *
 * <ul>
 *   <li>{@code AZURE_CLOUD}: {@code AzureCloud} (default), {@code AzureChinaCloud} or {@code AzureUSGovernment}.</li>
 *   <li>{@code AZURE_RESOURCE_MANAGER_ENDPOINT}: any ARM-compatible HTTPS endpoint (Azure Stack Hub, a local
 *       stand-in); overrides the cloud's endpoint and token audience.</li>
 *   <li>Credentials: {@code DefaultAzureCredential}, so the managed identity in Azure (a user-assigned one
 *       through {@code AZURE_CLIENT_ID}; {@code IDENTITY_ENDPOINT}/{@code IDENTITY_HEADER} as App Service and
 *       Functions set them) and the developer's own login locally.</li>
 * </ul>
 * All of it is read from the map given, not from the process globals, so tests and the CLI can pass
 * their own environment.
 */
public final class ArmConnection {

    /** The most one ARM request may take, retries included; Event Grid waits 30 s for the whole invocation. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private static final List<String> CLOUDS = List.of("AzureCloud", "AzureChinaCloud", "AzureUSGovernment");

    private ArmConnection() {
    }

    /**
     * @throws IllegalArgumentException naming the setting when AZURE_CLOUD or AZURE_RESOURCE_MANAGER_ENDPOINT is invalid
     */
    public static ArmGateway gateway(Map<String, String> environment) {
        return gateway(environment, credential(environment));
    }

    /** As {@link #gateway(Map)}, with a credential the caller shares with its other Azure clients. */
    public static ArmGateway gateway(Map<String, String> environment, TokenCredential credential) {
        AzureEnvironment cloud = environment(environment);
        prefetchToken(credential, cloud);
        AzureProfile profile = new AzureProfile(environment.get("AZURE_TENANT_ID"), null, cloud);
        // No SDK retries (a RetryPolicy of zero retries): ArmRetryPolicy caps every wait and keeps to the deadline.
        HttpPipeline pipeline = HttpPipelineProvider.buildHttpPipeline(credential, profile, null,
                new HttpLogOptions().setLogLevel(HttpLogDetailLevel.NONE), null,
                new RetryPolicy(new FixedDelay(0, Duration.ZERO)), List.of(new ArmRetryPolicy(Clock.systemUTC())), null);
        return new SdkArmGateway(pipeline, cloud.getResourceManagerEndpoint(), REQUEST_TIMEOUT);
    }

    /**
     * Asks for the ARM token in the background while the pipeline is being built: at cold start the
     * managed-identity round trip then overlaps class loading instead of following it. The first
     * request finds the token in the credential's cache; if the prefetch failed, that request asks
     * again and its failure is the one reported.
     */
    private static void prefetchToken(TokenCredential credential, AzureEnvironment cloud) {
        String scope = ResourceManagerUtils.getDefaultScopeFromRequest(
                new HttpRequest(HttpMethod.GET, cloud.getResourceManagerEndpoint()), cloud);
        Thread prefetch = new Thread(() -> {
            try {
                credential.getTokenSync(new TokenRequestContext().addScopes(scope));
            } catch (RuntimeException e) {
                // Reported by the first real request, which asks again.
            }
        }, "baseline-guard-token-prefetch");
        prefetch.setDaemon(true);
        prefetch.start();
    }

    static AzureEnvironment environment(Map<String, String> environment) {
        String name = environment.getOrDefault("AZURE_CLOUD", "").trim();
        AzureEnvironment cloud = switch (name.toLowerCase(Locale.ROOT)) {
            case "", "azurecloud" -> AzureEnvironment.AZURE;
            case "azurechinacloud" -> AzureEnvironment.AZURE_CHINA;
            case "azureusgovernment" -> AzureEnvironment.AZURE_US_GOVERNMENT;
            default -> throw new IllegalArgumentException("AZURE_CLOUD: '" + name + "' is not one of " + CLOUDS);
        };
        String endpoint = environment.getOrDefault("AZURE_RESOURCE_MANAGER_ENDPOINT", "").trim();
        if (endpoint.isEmpty()) {
            return cloud;
        }
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("AZURE_RESOURCE_MANAGER_ENDPOINT: '" + endpoint + "' is not a URL", e);
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            // Bearer tokens are only ever sent over HTTPS (azure-core's BearerTokenAuthenticationPolicy refuses otherwise).
            throw new IllegalArgumentException("AZURE_RESOURCE_MANAGER_ENDPOINT: '" + endpoint + "' must be an https:// URL");
        }
        String base = endpoint.endsWith("/") ? endpoint : endpoint + "/";
        Map<String, String> endpoints = new HashMap<>(cloud.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", base);
        // The token audience: the ARM endpoint itself unless the cloud's management endpoint is set apart.
        endpoints.put("managementEndpointUrl", environment.getOrDefault("AZURE_RESOURCE_MANAGER_AUDIENCE", base));
        return new AzureEnvironment(endpoints);
    }

    /** The credential every Azure client of the process uses: DefaultAzureCredential over the given environment. */
    private static final Map<Map<String, String>, TokenCredential> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * One credential per environment for all of a process's Azure clients (ARM, Key Vault, Event Grid),
     * so they share one token cache and the identity endpoint is asked once per audience.
     */
    public static TokenCredential sharedCredential(Map<String, String> environment) {
        return SHARED.computeIfAbsent(Map.copyOf(environment), ArmConnection::credential);
    }

    public static TokenCredential credential(Map<String, String> environment) {
        String clientId = environment.getOrDefault("AZURE_CLIENT_ID", "").trim();
        if (!environment.getOrDefault("IDENTITY_ENDPOINT", "").isBlank()) {
            // App Service and Functions set IDENTITY_ENDPOINT: the managed identity is the credential, so skip
            // DefaultAzureCredential's chain (fewer classes and probes before the first ARM request at cold start).
            ManagedIdentityCredentialBuilder managed = new ManagedIdentityCredentialBuilder()
                    .configuration(configuration(environment));
            if (!clientId.isEmpty()) {
                managed.clientId(clientId);
            }
            return managed.build();
        }
        DefaultAzureCredentialBuilder builder = new DefaultAzureCredentialBuilder().configuration(configuration(environment));
        if (!clientId.isEmpty()) {
            builder.managedIdentityClientId(clientId);
        }
        return builder.build();
    }


    /** An azure-core Configuration whose environment is the given map. */
    static Configuration configuration(Map<String, String> environment) {
        ConfigurationSource none = path -> Map.of();
        ConfigurationSource variables = path -> environment;
        return new ConfigurationBuilder(none, none, variables).build();
    }
}
