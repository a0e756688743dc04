package com.baselineguard.bench;

import com.baselineguard.app.Composition;
import com.baselineguard.engine.EventIntake;
import com.baselineguard.engine.Outcome;
import com.google.gson.JsonObject;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The first event of a fresh JVM, as the Functions worker would handle it: the production composition
 * from the environment, then {@link EventIntake#handle} of one delivery read from a file. Prints the JVM
 * start time and the completion time (epoch milliseconds) as one JSON line.
 */
public final class ColdEvent {

    private ColdEvent() {
    }

    public static void main(String[] args) throws Exception {
        long mainStarted = System.currentTimeMillis();
        String body = Files.readString(Path.of(args[0]));
        Composition composition = Composition.fromEnvironment(System.getenv());
        long composed = System.currentTimeMillis();
        EventIntake intake = new EventIntake(composition.remediator(), composition.ownClientId());
        long connected = System.currentTimeMillis();
        List<Outcome> outcomes = intake.handle(body);
        long done = System.currentTimeMillis();
        JsonObject out = new JsonObject();
        out.addProperty("jvmStartMs", ManagementFactory.getRuntimeMXBean().getStartTime());
        out.addProperty("mainMs", mainStarted);
        out.addProperty("composedMs", composed);
        out.addProperty("gatewayBuiltMs", connected);
        out.addProperty("doneMs", done);
        out.addProperty("result", outcomes.get(0).result().name());
        out.addProperty("armCalls", outcomes.get(0).armCalls());
        out.addProperty("classesLoaded", ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
        System.out.println("COLD-RESULT " + out);
    }
}
