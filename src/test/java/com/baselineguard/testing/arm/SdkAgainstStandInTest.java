package com.baselineguard.testing.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.core.util.Configuration;
import com.azure.core.util.ConfigurationBuilder;
import com.azure.core.util.ConfigurationSource;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.fluent.models.GenericResourceInner;
import com.azure.resourcemanager.resources.fluentcore.utils.HttpPipelineProvider;
import com.azure.resourcemanager.resources.fluentcore.utils.ResourceManagerUtils;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The production path (managed identity + the ARM pipeline of azure-resourcemanager) against the stand-in. */
class SdkAgainstStandInTest {

    private static final String CACHE = "Microsoft.Cache/redis/2023-08-01_RedisCacheGet.json";
    private static final String CACHE_ID = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg1/providers/Microsoft.Cache/Redis/cache1";
    private static final String API_VERSION = "2024-11-01";

    private ArmStandIn arm;
    private ManagedIdentityEnvironment msalEnvironment;
    private HttpPipeline pipeline;

    @BeforeEach
    void pointTheSdkAtTheStandIn() {
        arm = ArmStandIn.start();
        arm.putFixture(CACHE);
        msalEnvironment = ManagedIdentityEnvironment.of(arm);
        pipeline = HttpPipelineProvider.buildHttpPipeline(credential(arm), profile(arm));
        // The SDK's own tests shorten LRO polling the same way; ARM's "Retry-After: 0" does not
        // override the 30 s default poll interval.
        ResourceManagerUtils.InternalRuntimeContext.setDelayProvider(interval -> Duration.ofMillis(20));
    }

    @AfterEach
    void stop() {
        ResourceManagerUtils.InternalRuntimeContext.setDelayProvider(interval -> interval);
        msalEnvironment.close();
        arm.close();
    }

    /** As production builds it, with the App Service variables also given as configuration. */
    static TokenCredential credential(ArmStandIn arm) {
        Map<String, String> variables = Map.of(
                Configuration.PROPERTY_IDENTITY_ENDPOINT, arm.identityEndpoint(),
                Configuration.PROPERTY_IDENTITY_HEADER, arm.identityHeader());
        ConfigurationSource none = source -> Map.of();
        ConfigurationSource environment = source -> variables;
        Configuration configuration = new ConfigurationBuilder(none, none, environment).build();
        return new ManagedIdentityCredentialBuilder().configuration(configuration).build();
    }

    static AzureProfile profile(ArmStandIn arm) {
        AzureEnvironment environment = new AzureEnvironment(Map.of(
                "resourceManagerEndpointUrl", arm.endpoint() + "/",
                "managementEndpointUrl", arm.endpoint() + "/"));
        return new AzureProfile(ArmStandIn.TENANT_ID, "00000000-0000-0000-0000-000000000000", environment);
    }

    @Test
    void getAndPatchGoThroughTheRealPipelineWithAManagedIdentityToken() {
        HttpResponse get = pipeline.send(new HttpRequest(HttpMethod.GET, url())).block();
        assertEquals(200, get.getStatusCode());
        JsonObject cache = JsonParser.parseString(get.getBodyAsString().block()).getAsJsonObject();
        assertEquals(CACHE_ID, cache.get("id").getAsString());

        String patch = "{\"properties\":{\"enableNonSslPort\":false,\"minimumTlsVersion\":\"1.2\"}}";
        HttpRequest request = new HttpRequest(HttpMethod.PATCH, url())
                .setHeader(HttpHeaderName.CONTENT_TYPE, "application/json").setBody(patch);
        HttpResponse patched = pipeline.send(request).block();
        assertEquals(200, patched.getStatusCode());

        Request seen = arm.requests().get(1);
        assertEquals("PATCH", seen.method());
        assertEquals(patch, seen.body());
        assertEquals(API_VERSION, seen.apiVersion());
        String token = seen.header("Authorization").substring("Bearer ".length());
        assertTrue(arm.issued(token), "the pipeline sent a token from the stand-in's identity endpoint");
        assertEquals(1, arm.tokenRequestCount(), "one token, cached for the second request");
        assertEquals(arm.endpoint() + "/", arm.tokenRequests().get(0).resource(),
                "the scope is managementEndpointUrl + \"/.default\", sent as resource without /.default");
        assertEquals(false, arm.resource(CACHE_ID).orElseThrow().getAsJsonObject("properties")
                .get("enableNonSslPort").getAsBoolean());
    }

    @Test
    void genericUpdateByIdPollsTheUpdatingCacheToSucceeded() {
        ResourceManager manager = ResourceManager.authenticate(pipeline, profile(arm)).withSubscription("00000000-0000-0000-0000-000000000000");
        GenericResourceInner patch = new GenericResourceInner()
                .withProperties(Map.of("enableNonSslPort", false));

        GenericResourceInner updated = manager.serviceClient().getResources().updateById(CACHE_ID, API_VERSION, patch);

        assertEquals("{\"properties\":{\"enableNonSslPort\":false}}", arm.requests().stream()
                .filter(r -> r.method().equals("PATCH")).findFirst().orElseThrow().body());
        assertEquals(Boolean.FALSE, ((Map<?, ?>) updated.properties()).get("enableNonSslPort"));
        assertEquals("Succeeded", ((Map<?, ?>) updated.properties()).get("provisioningState"));
    }

    @Test
    void genericUpdateByIdFollowsAzureAsyncOperation() {
        arm.patchAsynchronously(CACHE_ID, 1);
        ResourceManager manager = ResourceManager.authenticate(pipeline, profile(arm)).withSubscription("00000000-0000-0000-0000-000000000000");

        GenericResourceInner updated = manager.serviceClient().getResources().updateById(CACHE_ID, API_VERSION,
                new GenericResourceInner().withProperties(Map.of("minimumTlsVersion", "1.2")));

        assertEquals("1.2", ((Map<?, ?>) updated.properties()).get("minimumTlsVersion"));
        assertTrue(arm.requests().stream().anyMatch(r -> r.path().startsWith(ArmRouter.OPERATIONS)),
                "the SDK polled the Azure-AsyncOperation URL");
    }

    private String url() {
        return arm.endpoint() + CACHE_ID + "?api-version=" + API_VERSION;
    }
}
