package com.baselineguard.arm;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.AddHeadersPolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.http.policy.ArmChallengeAuthenticationPolicy;
import com.azure.core.util.Configuration;
import com.azure.core.util.ConfigurationBuilder;
import com.azure.core.util.ConfigurationSource;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.baselineguard.engine.port.ArmGateway;
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

    /** Sent as User-Agent, so ARM's activity log shows which changes Baseline Guard made. */
    static final String USER_AGENT = "baseline-guard";
    /** Asks ARM to echo x-ms-client-request-id, so a request can be found in ARM's logs by the id we logged. */
    private static final String RETURN_REQUEST_ID = "x-ms-return-client-request-id";

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
        String scope = scope(cloud);
        prefetchToken(credential, scope);
        return new SdkArmGateway(pipeline(credential, scope, Clock.systemUTC()), cloud.getResourceManagerEndpoint(),
                REQUEST_TIMEOUT);
    }

    /**
     * The ARM pipeline, built from azure-core's parts rather than azure-resourcemanager's
     * {@code HttpPipelineProvider}: the same user agent, request id, retry and bearer-token challenge policies
     * (ArmChallengeAuthenticationPolicy, as the management SDKs use), without the three that cost a cold start
     * their classes and do nothing here: HttpLoggingPolicy (its class initializer builds Jackson object mappers,
     * about 400 classes, even with logging off), AddDatePolicy, and ProviderRegistrationPolicy, which registers
     * a resource provider on a 409 MissingSubscriptionRegistration; that needs
     * {@code Microsoft.<namespace>/register/action}, which the least-privilege role does not grant, and a
     * subscription that holds the resource already has its provider registered.
     *
     * <p>Order, first to last: user agent and request id once per call; {@link ArmRetryPolicy}; then
     * authentication, so every attempt is signed afresh (a retry after a long wait gets a fresh token).
     */
    static HttpPipeline pipeline(TokenCredential credential, String scope, Clock clock) {
        return new HttpPipelineBuilder().httpClient(SharedHttp.CLIENT)
                .policies(new UserAgentPolicy(USER_AGENT), new RequestIdPolicy(),
                        new AddHeadersPolicy(new HttpHeaders().set(RETURN_REQUEST_ID, "true")),
                        new ArmRetryPolicy(clock), new ArmChallengeAuthenticationPolicy(credential, scope))
                .build();
    }

    /**
     * The token scope for ARM: the cloud's management endpoint (the token audience) + {@code /.default},
     * as the management SDKs derive it for ARM URLs (ResourceManagerUtils.getDefaultScopeFromRequest): the
     * public cloud's {@code https://management.core.windows.net/} gives {@code https://management.core.windows.net//.default}.
     */
    static String scope(AzureEnvironment cloud) {
        return cloud.getManagementEndpoint() + "/.default";
    }

    /**
     * Asks for the ARM token in the background while the pipeline is being built: at cold start the
     * managed-identity round trip then overlaps class loading instead of following it. The first
     * request finds the token in the credential's cache; if the prefetch failed, that request asks
     * again and its failure is the one reported.
     */
    private static void prefetchToken(TokenCredential credential, String scope) {
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
            // Its own pipeline: the one azure-identity builds adds HttpLoggingPolicy, whose class initializer loads
            // Jackson (about 400 classes) at cold start. Same policies otherwise: user agent and azure-core's
            // default retries (3, exponential) for the identity endpoint; the process's one HTTP client.
            ManagedIdentityCredentialBuilder managed = new ManagedIdentityCredentialBuilder()
                    .configuration(configuration(environment))
                    .pipeline(new HttpPipelineBuilder().httpClient(SharedHttp.CLIENT)
                            .policies(new UserAgentPolicy(USER_AGENT), new RetryPolicy()).build());
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


    /**
     * One HTTP client (the JDK's, through azure-core-http-jdk-httpclient) for ARM and the identity endpoint:
     * one connection pool and one TLS set-up per process. Made on first use, when the credential or the ARM
     * pipeline is built.
     */
    private static final class SharedHttp {
        static final HttpClient CLIENT = HttpClient.createDefault();
    }

    /** An azure-core Configuration whose environment is the given map. */
    static Configuration configuration(Map<String, String> environment) {
        ConfigurationSource none = path -> Map.of();
        ConfigurationSource variables = path -> environment;
        return new ConfigurationBuilder(none, none, variables).build();
    }
}
