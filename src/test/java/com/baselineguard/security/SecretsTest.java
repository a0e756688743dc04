package com.baselineguard.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.app.Composition;
import com.baselineguard.engine.EventIntake;
import com.baselineguard.engine.Remediator;
import com.baselineguard.engine.Trigger;
import com.baselineguard.live.LiveScenarios;
import com.baselineguard.testing.LiveHarness;
import com.baselineguard.testing.arm.Fault;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No secret in any output, and no secret-reading ARM operation in the code. (Every live test is also
 * guarded by the stand-in: a list-keys request fails the test, see SecretOperations.)
 */
class SecretsTest {

    private static final Pattern SECRET_OPERATIONS = Pattern.compile("listKeys|regenerateKey|listConnectionStrings",
            Pattern.CASE_INSENSITIVE);

    @Test
    void theSourceNeverNamesASecretReadingOperation() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            List<Path> offenders = files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return SECRET_OPERATIONS.matcher(Files.readString(f)).find();
                } catch (IOException e) {
                    return true;
                }
            }).toList();
            assertEquals(List.of(), offenders);
        }
    }

    @Test
    void aLiveRunWithFaultsLogsNoTokenKeyOrAuthorizationHeader() {
        // azure-core's fallback logger (no SLF4J provider here) logs to the standard streams at this level.
        com.azure.core.util.Configuration.getGlobalConfiguration().put("AZURE_LOG_LEVEL", "verbose");
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        Logger root = Logger.getLogger("");
        Level rootLevel = root.getLevel();
        StringBuilder logged = new StringBuilder();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                synchronized (logged) {
                    logged.append(record.getLevel()).append(' ').append(record.getLoggerName()).append(' ')
                            .append(record.getMessage()).append(' ').append(java.util.Arrays.toString(record.getParameters()))
                            .append(record.getThrown() == null ? "" : " " + record.getThrown()).append('\n');
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8);
        String identitySecret;
        java.util.Set<String> tokens;
        try (LiveHarness live = LiveHarness.start()) {
            identitySecret = live.arm.identityHeader();
            System.setOut(tee);
            System.setErr(tee);
            root.setLevel(Level.ALL);
            root.addHandler(handler);
            LiveScenarios.runEveryFaultKind(live, true, (kind, outcome) -> Logger.getLogger("outcomes").info(outcome.logLine()));
            live.arm.inject(Fault.on("GET", ".*").authorizationFailed("Microsoft.Cache/redis/read"));
            Composition app = live.composition();
            new EventIntake(app.remediator(), Optional.empty()).handle(LiveScenarios.event(LiveScenarios.CACHE));
            Remediator remediator = app.remediator();
            remediator.handle(remediator.start(LiveScenarios.CACHE, Trigger.CLI, Optional.empty(), Optional.empty(), false));
            tokens = live.arm.issuedTokens();
        } finally {
            root.removeHandler(handler);
            root.setLevel(rootLevel);
            System.setOut(out);
            System.setErr(err);
            com.azure.core.util.Configuration.getGlobalConfiguration().remove("AZURE_LOG_LEVEL");
        }
        String all = logged + "\n" + captured.toString(StandardCharsets.UTF_8);
        assertFalse(tokens.isEmpty(), "the run used tokens");
        assertTrue(all.contains("BaselineGuardOutcome"), "the capture saw the run's output");
        for (String token : tokens) {
            assertFalse(all.contains(token), "an access token was logged");
        }
        assertFalse(all.contains(identitySecret), "the IDENTITY_HEADER secret was logged");
        for (String marker : List.of("Bearer ", "AccountKey=", "SharedAccessSignature", "sig=", "access_token")) {
            assertFalse(all.contains(marker), marker + " appears in the output");
        }
    }
}
