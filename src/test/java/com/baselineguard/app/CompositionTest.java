package com.baselineguard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.config.ConfigurationException;
import com.baselineguard.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The composition root connects to Azure only when asked to: offline evaluation never loads the Azure SDK. */
class CompositionTest {

    @Test
    void azureSettingsAreCheckedWhenConnectingNotForOfflineEvaluation() {
        Composition app = Composition.fromEnvironment(Map.of("AZURE_CLOUD", "Mars"));
        assertEquals(1, app.evaluator().evaluate(Fixtures.snapshot("Microsoft.Cache/redis/2024-11-01_RedisCacheUpdate.json"))
                .plan().steps().size());
        ConfigurationException e = assertThrows(ConfigurationException.class, app::remediator);
        assertEquals(List.of("AZURE_CLOUD: 'Mars' is not one of [AzureCloud, AzureChinaCloud, AzureUSGovernment]"),
                e.problems());
    }

    @Test
    void offlineEvaluateLoadsNoClassOfTheAzureSdk() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xlog:class+load=info", "-cp",
                System.getProperty("java.class.path"), "com.baselineguard.cli.Main", "evaluate", "samples/",
                "--format", "json")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, process.exitValue(), "the samples hold non-compliant resources");
        assertTrue(output.contains("com.baselineguard.engine.Evaluator"), "the class-load log is on");
        List<String> azure = output.lines().filter(l -> l.contains(" com.azure.") || l.contains(" com.microsoft.aad."))
                .toList();
        assertEquals(List.of(), azure);
    }
}
