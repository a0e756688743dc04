package com.baselineguard.testing.arm;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the ARM stand-in on its own, loaded with fixtures, for trying the command line against it:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) com.baselineguard.testing.arm.StandInMain FIXTURE...}
 * prints the environment to export (endpoint, identity endpoint and header) and serves until killed.
 */
public final class StandInMain {

    private StandInMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ArmStandIn arm = ArmStandIn.start();
        for (String fixture : args) {
            arm.putFixture(fixture);
        }
        System.out.println("export AZURE_RESOURCE_MANAGER_ENDPOINT=" + arm.endpoint());
        System.out.println("export IDENTITY_ENDPOINT=" + arm.identityEndpoint());
        System.out.println("export IDENTITY_HEADER=" + arm.identityHeader());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(arm::close));
        new CountDownLatch(1).await();
    }
}
