package com.baselineguard.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What {@code mvn package} staged for the Functions host (target/azure-functions/baseline-guard): the
 * host.json with the extension bundle, the jar, and one valid function.json per function with the
 * bindings the host needs. Runs after package (failsafe), since there is no Functions host here.
 */
class FunctionJsonIT {

    private static final Path APP = Path.of("target", "azure-functions", "baseline-guard");

    private static JsonObject read(String function) throws IOException {
        return JsonParser.parseString(Files.readString(APP.resolve(function).resolve("function.json"))).getAsJsonObject();
    }

    private static JsonObject binding(JsonObject function, String type) {
        for (JsonElement b : function.getAsJsonArray("bindings")) {
            if (b.getAsJsonObject().get("type").getAsString().equals(type)) {
                return b.getAsJsonObject();
            }
        }
        throw new AssertionError("no " + type + " binding in " + function);
    }

    private static Optional<JsonObject> bindingNamed(JsonObject function, String name) {
        for (JsonElement b : function.getAsJsonArray("bindings")) {
            if (b.getAsJsonObject().get("name").getAsString().equals(name)) {
                return Optional.of(b.getAsJsonObject());
            }
        }
        return Optional.empty();
    }

    @Test
    void everyFunctionIsStagedWithItsEntryPoint() throws IOException {
        Set<String> staged = new TreeSet<>();
        try (Stream<Path> children = Files.list(APP)) {
            children.filter(p -> Files.exists(p.resolve("function.json"))).forEach(p -> staged.add(p.getFileName().toString()));
        }
        assertEquals(new TreeSet<>(List.of("DeferredRemediation", "DeferredRemediationPoison", "EvaluateResource",
                "EvaluateSnapshot", "OnResourceWrite", "RemediateResource", "SweepSubscriptions")), staged);
        for (String function : staged) {
            JsonObject json = read(function);
            String scriptFile = json.get("scriptFile").getAsString();
            assertTrue(Files.exists(APP.resolve(function).resolve(scriptFile).normalize()), scriptFile);
            assertTrue(json.get("entryPoint").getAsString().startsWith("com.baselineguard.function."));
        }
        JsonObject host = JsonParser.parseString(Files.readString(APP.resolve("host.json"))).getAsJsonObject();
        assertEquals("[4.*, 5.0.0)", host.getAsJsonObject("extensionBundle").get("version").getAsString());
        assertEquals(10, host.getAsJsonObject("extensions").getAsJsonObject("queues").get("maxDequeueCount").getAsInt());
    }

    @Test
    void theGuardrailIsAnEventGridTriggerWithAQueueOutput() throws IOException {
        JsonObject function = read("OnResourceWrite");
        JsonObject trigger = binding(function, "eventGridTrigger");
        assertEquals("in", trigger.get("direction").getAsString());
        JsonObject queue = binding(function, "queue");
        assertEquals("out", queue.get("direction").getAsString());
        assertEquals("baseline-guard-work", queue.get("queueName").getAsString());
        assertEquals("AzureWebJobsStorage", queue.get("connection").getAsString());
    }

    @Test
    void theHttpFunctionsNeedAFunctionKeyAndHaveTheirRoutes() throws IOException {
        for (String[] expected : new String[][] {{"RemediateResource", "remediate", "POST"}, {"EvaluateResource", "evaluate", "GET"},
                {"EvaluateSnapshot", "evaluate-snapshot", "POST"}}) {
            JsonObject trigger = binding(read(expected[0]), "httpTrigger");
            assertEquals("FUNCTION", trigger.get("authLevel").getAsString().toUpperCase());
            assertEquals(expected[1], trigger.get("route").getAsString());
            JsonArray methods = trigger.getAsJsonArray("methods");
            assertEquals(1, methods.size());
            assertEquals(expected[2], methods.get(0).getAsString());
            assertTrue(bindingNamed(read(expected[0]), "$return").isPresent());
        }
        assertEquals("baseline-guard-work", binding(read("RemediateResource"), "queue").get("queueName").getAsString());
    }

    @Test
    void theSweepRunsOnTheScheduleSettingAndQueuesWork() throws IOException {
        JsonObject function = read("SweepSubscriptions");
        assertEquals("%SWEEP_SCHEDULE%", binding(function, "timerTrigger").get("schedule").getAsString());
        assertEquals("baseline-guard-work", binding(function, "queue").get("queueName").getAsString());
    }

    @Test
    void deferredWorkAndItsPoisonQueueAreQueueTriggers() throws IOException {
        assertEquals("baseline-guard-work", binding(read("DeferredRemediation"), "queueTrigger").get("queueName").getAsString());
        assertEquals("baseline-guard-work-poison",
                binding(read("DeferredRemediationPoison"), "queueTrigger").get("queueName").getAsString());
    }
}
