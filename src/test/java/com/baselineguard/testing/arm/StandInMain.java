package com.baselineguard.testing.arm;

import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonElement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the ARM stand-in on its own, loaded with fixtures, for trying the command line against it:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) com.baselineguard.testing.arm.StandInMain [OPTION]... FIXTURE...}
 * prints the environment to export (endpoint, identity endpoint and header) and serves until killed.
 *
 * <p>Options, applied to every resource the fixtures hold:
 * <ul>
 *   <li>{@code --updating-gets=N}: after a PATCH the resource reads {@code Updating} for N more GETs (default 1);</li>
 *   <li>{@code --async-patch=N}: a PATCH answers 202 with {@code Azure-AsyncOperation} and {@code Location}, and the
 *       resource stays {@code Updating} until its operation has been polled N times (Baseline Guard never polls it:
 *       a long-running operation that never finishes, unless someone GETs its URL).</li>
 * </ul>
 */
public final class StandInMain {

    private StandInMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ArmStandIn arm = ArmStandIn.start();
        Integer updatingGets = null;
        Integer asyncPolls = null;
        List<String> ids = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--updating-gets=")) {
                updatingGets = Integer.parseInt(arg.substring("--updating-gets=".length()));
            } else if (arg.startsWith("--async-patch=")) {
                asyncPolls = Integer.parseInt(arg.substring("--async-patch=".length()));
            } else {
                arm.putFixture(arg);
                ids.addAll(ids(Fixtures.json(arg)));
            }
        }
        for (String id : ids) {
            if (updatingGets != null) {
                arm.settleAfterGets(id, updatingGets);
            }
            if (asyncPolls != null) {
                arm.patchAsynchronously(id, asyncPolls);
            }
        }
        System.out.println("export AZURE_RESOURCE_MANAGER_ENDPOINT=" + arm.endpoint());
        System.out.println("export IDENTITY_ENDPOINT=" + arm.identityEndpoint());
        System.out.println("export IDENTITY_HEADER=" + arm.identityHeader());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(arm::close));
        new CountDownLatch(1).await();
    }

    /** The ids of the resource, or of each resource of a {@code {"value":[...]}} list, as {@link ArmStandIn#putFixture} stores them. */
    private static List<String> ids(JsonElement json) {
        JsonElement value = json.isJsonObject() ? json.getAsJsonObject().get("value") : null;
        List<String> ids = new ArrayList<>();
        if (value != null && value.isJsonArray()) {
            value.getAsJsonArray().forEach(item -> ids.add(item.getAsJsonObject().get("id").getAsString()));
        } else {
            ids.add(json.getAsJsonObject().get("id").getAsString());
        }
        return ids;
    }
}
