package com.baselineguard.arm;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.AddHeadersPolicy;
import com.azure.core.http.policy.RequestIdPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.http.policy.ArmChallengeAuthenticationPolicy;
import com.baselineguard.engine.port.ArmGateway;
import com.baselineguard.identity.AzureHttp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link SdkArmGateway}, once per process, for a cloud or an ARM-compatible endpoint:
 * {@code AzureCloud} (default), {@code AzureChinaCloud} or {@code AzureUSGovernment}, or any HTTPS
 * endpoint (Azure Stack Hub, a local stand-in) with its token audience. The settings are read and
 * validated in config ({@code AzureSettings}); the credential comes from the one credential factory
 * ({@code identity.Credentials}).
 */
public final class ArmConnection {

    /** The most one ARM request may take, retries included; Event Grid waits 30 s for the whole invocation. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    /** Sent as User-Agent, so ARM's activity log shows which changes Baseline Guard made. */
    static final String USER_AGENT = "baseline-guard";
    /** Asks ARM to echo x-ms-client-request-id, so a request can be found in ARM's logs by the id we logged. */
    private static final String RETURN_REQUEST_ID = "x-ms-return-client-request-id";

    private ArmConnection() {
    }

    /**
     * The gateway to ARM, asking for its token in the background while the pipeline is built.
     *
     * @param cloud {@code AzureCloud}, {@code AzureChinaCloud} or {@code AzureUSGovernment}
     * @param endpoint an ARM-compatible https endpoint in place of the cloud's
     * @param audience the token audience for that endpoint (default: the endpoint)
     * @param credential the process's credential, shared with its other Azure clients
     */
    public static ArmGateway gateway(String cloud, Optional<String> endpoint, Optional<String> audience,
            TokenCredential credential) {
        AzureEnvironment environment = environment(cloud, endpoint, audience);
        String scope = scope(environment);
        prefetchToken(credential, scope);
        return new SdkArmGateway(pipeline(credential, scope, Clock.systemUTC()), environment.getResourceManagerEndpoint(),
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
        return new HttpPipelineBuilder().httpClient(AzureHttp.client())
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

    /** The cloud's endpoints, or an ARM-compatible endpoint's (config has checked that it is an https URL). */
    static AzureEnvironment environment(String cloud, Optional<String> endpoint, Optional<String> audience) {
        AzureEnvironment known = switch (cloud.toLowerCase(Locale.ROOT)) {
            case "azurecloud" -> AzureEnvironment.AZURE;
            case "azurechinacloud" -> AzureEnvironment.AZURE_CHINA;
            case "azureusgovernment" -> AzureEnvironment.AZURE_US_GOVERNMENT;
            default -> throw new IllegalArgumentException("AZURE_CLOUD: '" + cloud + "' is not a cloud Baseline Guard knows");
        };
        if (endpoint.isEmpty()) {
            return known;
        }
        String base = endpoint.get().endsWith("/") ? endpoint.get() : endpoint.get() + "/";
        Map<String, String> endpoints = new HashMap<>(known.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", base);
        // The token audience: the ARM endpoint itself unless the cloud's management endpoint is set apart.
        endpoints.put("managementEndpointUrl", audience.orElse(base));
        return new AzureEnvironment(endpoints);
    }
}
