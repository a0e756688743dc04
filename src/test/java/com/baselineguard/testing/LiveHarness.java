package com.baselineguard.testing;

import com.baselineguard.app.Composition;
import com.baselineguard.engine.Outcome;
import com.baselineguard.engine.Remediator;
import com.baselineguard.engine.Trigger;
import com.baselineguard.testing.arm.ArmStandIn;
import com.baselineguard.testing.arm.ManagedIdentityEnvironment;
import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The production object graph (real Azure SDK pipeline, DefaultAzureCredential over the managed
 * identity protocol) pointed at a local ARM stand-in through AZURE_RESOURCE_MANAGER_ENDPOINT, as the
 * app is configured in Azure Stack or any ARM-compatible endpoint.
 */
public final class LiveHarness implements AutoCloseable {

    public final ArmStandIn arm;
    private final ManagedIdentityEnvironment identity;
    private final Map<String, String> environment = new HashMap<>();

    private LiveHarness() {
        arm = ArmStandIn.start();
        identity = ManagedIdentityEnvironment.of(arm);
        environment.put("AZURE_RESOURCE_MANAGER_ENDPOINT", arm.endpoint());
        environment.put("IDENTITY_ENDPOINT", arm.identityEndpoint());
        environment.put("IDENTITY_HEADER", arm.identityHeader());
        environment.put("BG_FOLLOW_UP_DELAY_SECONDS", "1");
    }

    public static LiveHarness start() {
        return new LiveHarness();
    }

    /** Adds or replaces a setting (before {@link #composition()}). */
    public LiveHarness with(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Removes a setting (before {@link #composition()}). */
    public LiveHarness without(String name) {
        environment.remove(name);
        return this;
    }

    public Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    /** A fresh composition over the current settings. */
    public Composition composition() {
        return Composition.fromEnvironment(environment);
    }

    /** Runs the first work item of an HTTP-triggered remediation of a resource (no event id, no correlation id). */
    public static Outcome remediate(Remediator remediator, String resourceId, boolean dryRun) {
        return remediator.handle(remediator.start(resourceId, Trigger.HTTP, Optional.empty(), Optional.empty(), dryRun));
    }

    /** {@link #remediate(Remediator, String, boolean)} with a fresh composition's remediator. */
    public Outcome remediate(String resourceId, boolean dryRun) {
        return remediate(composition().remediator(), resourceId, dryRun);
    }

    /** Stores a fixture in the stand-in (or a variant of one) and returns its id. */
    public String store(JsonObject resource) {
        arm.put(resource);
        return resource.get("id").getAsString();
    }

    /** The PATCH requests the stand-in received. */
    public java.util.List<com.baselineguard.testing.arm.Request> patches() {
        return arm.requests().stream().filter(r -> r.method().equals("PATCH")).toList();
    }

    @Override
    public void close() {
        identity.close();
        arm.close();
    }
}
