package com.baselineguard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.port.OutcomeEvent;
import com.baselineguard.engine.port.OutcomeSink;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/outcome-events.md names only fields the outcome record has, and every one of them. */
class OutcomeEventDocTest {

    private static Outcome outcome() {
        WorkItem item = new WorkItem("/subscriptions/s/resourceGroups/g/providers/Microsoft.Cache/Redis/c", Trigger.HTTP,
                Optional.empty(), "corr", false, 0, Instant.EPOCH);
        return new Outcome("id-1", item, Optional.of("Microsoft.Cache/redis"), Result.AUDITED, "why", List.of(), List.of(),
                Duration.ZERO, 1, Optional.empty(), Optional.empty());
    }

    @Test
    void theDocumentedDataFieldsAreExactlyTheRecordsFields() throws IOException {
        String doc = Files.readString(Path.of("docs/outcome-events.md"));
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("`data\\.([A-Za-z]+)`").matcher(doc);
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertEquals(new TreeSet<>(outcome().toJson().keySet()), documented);
    }

    @Test
    void everyResultHasItsDocumentedEventType() throws IOException {
        String doc = Files.readString(Path.of("docs/outcome-events.md"));
        for (Result result : Result.values()) {
            assertTrue(doc.contains("." + result.label() + "`") || doc.contains("." + result.label() + ","),
                    result.label());
        }
        assertTrue(Arrays.stream(Result.values()).allMatch(r -> !r.label().contains(" ")));
    }

    @Test
    void theEventCarriesTheRecordUnderItsOwnIdTypeAndSubject() {
        Outcome outcome = outcome();
        OutcomeEvent event = outcome.event(OutcomeSink.source("cli"));
        assertEquals("id-1", event.id());
        assertEquals("com.baselineguard.outcome.audited", event.type());
        assertEquals("/baseline-guard/cli", event.source());
        assertEquals(Optional.of(outcome.item().resourceId()), event.subject());
        JsonObject data = event.data();
        assertEquals(outcome.toJson(), data);
    }
}
