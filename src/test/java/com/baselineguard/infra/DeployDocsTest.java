package com.baselineguard.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.config.Setting;
import com.baselineguard.event.HandledOperations;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/deploy.md and local.settings.json.example say what the template and the code do. */
class DeployDocsTest {

    /**
     * Keys the Functions host (Core Tools) itself needs locally: the storage connection and the worker. Not
     * app settings of the deployed Flex Consumption app (FUNCTIONS_WORKER_RUNTIME is functionAppConfig.runtime there).
     */
    private static final Set<String> LOCAL_HOST_KEYS = Set.of("AzureWebJobsStorage", "FUNCTIONS_WORKER_RUNTIME");

    @Test
    void theEventFilterOnTheDeployPageIsTheTemplatesFilter() {
        String template = InfraConsistencyTest.read(Path.of("infra", "modules", "event-subscription.bicep"));
        List<String> filter = InfraConsistencyTest.strings(InfraConsistencyTest.block(template, "var handledOperations = ["));

        String guide = InfraConsistencyTest.read(Path.of("docs", "deploy.md"));
        int start = guide.indexOf("### The event filter\n");
        assertTrue(start >= 0, "docs/deploy.md has a section '### The event filter'");
        String section = guide.substring(start, guide.indexOf("\n### ", start + 1));
        List<String> listed = new ArrayList<>();
        Matcher item = Pattern.compile("(?m)^- `([^`]+)`$").matcher(section);
        while (item.find()) {
            listed.add(item.group(1));
        }
        assertEquals(filter, listed, "the operations listed on the page, in the template's order");
        Matcher count = Pattern.compile("(\\d+) values, within Event Grid's limit of 25").matcher(section);
        assertTrue(count.find(), "the page states the number of values");
        assertEquals(filter.size(), Integer.parseInt(count.group(1)));
        assertEquals(new TreeSet<>(HandledOperations.ALL), new TreeSet<>(listed));
        assertTrue(!guide.contains("9 values"), "no stale count");
    }

    @Test
    void everyKeyOfTheLocalSettingsExampleIsReadByTheCodeOrTheHost() {
        JsonObject values = JsonParser.parseString(InfraConsistencyTest.read(Path.of("local.settings.json.example")))
                .getAsJsonObject().getAsJsonObject("Values");
        Set<String> read = new TreeSet<>(LOCAL_HOST_KEYS);
        Arrays.stream(Setting.values()).filter(s -> s != Setting.BG_RULE_MODE_).map(Setting::variable).forEach(read::add);
        for (String key : values.keySet()) {
            boolean ruleMode = key.startsWith(Setting.BG_RULE_MODE_.variable()) && key.length() > Setting.BG_RULE_MODE_.variable().length();
            assertTrue(read.contains(key) || ruleMode, "local.settings.json.example sets " + key + ", which nothing reads");
        }
        assertTrue(values.keySet().containsAll(LOCAL_HOST_KEYS), "Core Tools needs " + LOCAL_HOST_KEYS);
    }
}
