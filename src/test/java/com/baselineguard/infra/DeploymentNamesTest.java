package com.baselineguard.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Two environments in one subscription must not overwrite each other's deployments: every nested
 * deployment (each {@code module}) and the hook's Event Grid deployment has a name unique per
 * environment, and no name can exceed ARM's 64 characters
 * (learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftresources:
 * deployments, 1-64, alphanumerics, underscores, parentheses, hyphens and periods) for the longest
 * environment name azd accepts ({@code ^[a-zA-Z0-9-\(\)_\.]{1,64}$}, Azure/azure-dev pkg/environment).
 */
class DeploymentNamesTest {

    static final int ARM_DEPLOYMENT_NAME_MAX = 64;
    /** Event subscription names: 3-64 characters (resource-name-rules#microsofteventgrid). */
    static final int EVENT_SUBSCRIPTION_NAME_MAX = 64;
    static final int AZD_ENVIRONMENT_NAME_MAX = 64;
    /** uniqueString() returns 13 characters (learn.microsoft.com/azure/azure-resource-manager/bicep/bicep-functions-string#uniquestring). */
    static final int UNIQUE_STRING_LENGTH = 13;

    private static final Pattern MODULE = Pattern.compile("(?m)^module\\s+(\\w+)\\s+'[^']+'\\s*=\\s*[^\\n]*\\{\\n\\s*name:\\s*(.+)$");
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([^}]*)\\}");
    private static final Pattern NAME_CHARACTERS = Pattern.compile("[-\\w.()]+");

    @Test
    void everyNestedDeploymentNameIsUniquePerEnvironmentAndFitsArmsLimit() {
        Map<String, Integer> longest = new LinkedHashMap<>();
        for (Path file : bicepFiles()) {
            String text = InfraConsistencyTest.read(file);
            Matcher module = MODULE.matcher(text);
            while (module.find()) {
                String where = file + " module " + module.group(1);
                String expression = module.group(2).trim();
                assertTrue(dependsOnTheEnvironment(text, expression), where + ": name " + expression + " is not unique per environment");
                longest.put(where, longestValue(text, expression, where));
            }
        }
        assertTrue(longest.size() >= 15, "modules found: " + longest.keySet());
        longest.forEach((where, length) -> assertTrue(length <= ARM_DEPLOYMENT_NAME_MAX,
                where + " can be " + length + " characters; ARM allows " + ARM_DEPLOYMENT_NAME_MAX));
    }

    @Test
    void theHooksNameTheEventGridDeploymentFromAMainBicepOutput() {
        String main = InfraConsistencyTest.read(Path.of("infra", "main.bicep"));
        Matcher output = Pattern.compile("(?m)^output EVENTGRID_DEPLOYMENT_NAME string = (.+)$").matcher(main);
        assertTrue(output.find(), "main.bicep outputs EVENTGRID_DEPLOYMENT_NAME");
        assertTrue(dependsOnTheEnvironment(main, output.group(1)));
        assertTrue(longestValue(main, output.group(1), "EVENTGRID_DEPLOYMENT_NAME") <= ARM_DEPLOYMENT_NAME_MAX);
        assertTrue(InfraConsistencyTest.read(Path.of("infra", "hooks", "postdeploy.sh")).contains("--name \"$EVENTGRID_DEPLOYMENT_NAME\""));
        assertTrue(InfraConsistencyTest.read(Path.of("infra", "hooks", "postdeploy.ps1")).contains("--name \"$env:EVENTGRID_DEPLOYMENT_NAME\""));
    }

    @Test
    void theEventSubscriptionNameIsPerEnvironmentAndTheSameInMainAndEventGrid() {
        String main = InfraConsistencyTest.read(Path.of("infra", "main.bicep"));
        String eventGrid = InfraConsistencyTest.read(Path.of("infra", "eventgrid.bicep"));
        assertTrue(main.contains("output EVENT_SUBSCRIPTION_NAME string = 'baseline-guard-${deploymentSuffix}'"));
        assertTrue(eventGrid.contains("var eventSubscriptionName = 'baseline-guard-${deploymentSuffix}'"));
        for (String text : List.of(main, eventGrid)) {
            assertTrue(text.contains("var deploymentSuffix = uniqueString(subscription().id, environmentName)\n"), "same suffix");
        }
        // Event subscription names: 3-64 letters, digits and hyphens (learn.microsoft.com/azure/azure-resource-manager/
        // management/resource-name-rules#microsofteventgrid); uniqueString is lower-case letters and digits. Bound
        // every expression that names one, as read from the templates.
        Map<String, String> names = new LinkedHashMap<>();
        names.put("main.bicep EVENT_SUBSCRIPTION_NAME", expression(main, "(?m)^output EVENT_SUBSCRIPTION_NAME string = (.+)$"));
        names.put("eventgrid.bicep eventSubscriptionName", expression(eventGrid, "(?m)^var eventSubscriptionName = (.+)$"));
        String onboarding = InfraConsistencyTest.read(Path.of("infra", "modules", "subscription-onboarding.bicep"));
        names.put("subscription-onboarding.bicep eventSubscriptionName",
                expression(onboarding, "(?m)^param eventSubscriptionName string = (.+)$"));
        Map<String, String> texts = Map.of("main.bicep", main, "eventgrid.bicep", eventGrid, "subscription-onboarding.bicep", onboarding);
        names.forEach((where, expression) -> {
            String text = texts.get(where.substring(0, where.indexOf(' ')));
            int length = longestValue(text, expression, where);
            assertTrue(length >= 3 && length <= EVENT_SUBSCRIPTION_NAME_MAX,
                    where + " can be " + length + " characters; Event Grid allows 3-" + EVENT_SUBSCRIPTION_NAME_MAX);
            assertTrue(INTERPOLATION.matcher(expression).replaceAll("").matches("'[-A-Za-z0-9]*'"),
                    where + ": only letters, digits and hyphens: " + expression);
            for (Matcher m = INTERPOLATION.matcher(expression); m.find(); ) {
                assertTrue(resolveVariable(text, m.group(1).trim()).startsWith("uniqueString("),
                        where + ": ${" + m.group(1) + "} is not a uniqueString (letters and digits)");
            }
        });
    }

    private static String expression(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        assertTrue(m.find(), "no " + pattern);
        return m.group(1).trim();
    }

    /** The bound computed here would have caught the old hook name baseline-guard-eventgrid-${AZURE_ENV_NAME}. */
    @Test
    void theBoundCatchesANameThatEmbedsTheWholeEnvironmentName() {
        assertEquals(25 + AZD_ENVIRONMENT_NAME_MAX, longestValue("", "'baseline-guard-eventgrid-${environmentName}'", "old"));
        assertEquals(3 + UNIQUE_STRING_LENGTH, longestValue("var s = uniqueString(subscription().id, environmentName)\n", "'bg-${s}'", "x"));
    }

    /** True when the name's value changes with the environment name: it interpolates it, or a uniqueString over it. */
    private static boolean dependsOnTheEnvironment(String text, String expression) {
        Matcher m = INTERPOLATION.matcher(expression);
        while (m.find()) {
            String inner = m.group(1).trim();
            String resolved = resolveVariable(text, inner);
            if (resolved.contains("environmentName")) {
                return true;
            }
        }
        return false;
    }

    /** The longest value a single-quoted name expression can take. */
    static int longestValue(String text, String expression, String where) {
        assertTrue(expression.startsWith("'") && expression.endsWith("'"), where + ": name must be one interpolated string: " + expression);
        String body = expression.substring(1, expression.length() - 1);
        int length = 0;
        int at = 0;
        Matcher m = INTERPOLATION.matcher(body);
        while (m.find()) {
            String literal = body.substring(at, m.start());
            assertTrue(literal.isEmpty() || NAME_CHARACTERS.matcher(literal).matches(), where + ": characters " + literal);
            length += literal.length() + maxLength(resolveVariable(text, m.group(1).trim()), where);
            at = m.end();
        }
        String tail = body.substring(at);
        assertTrue(tail.isEmpty() || NAME_CHARACTERS.matcher(tail).matches(), where + ": characters " + tail);
        return length + tail.length();
    }

    private static int maxLength(String inner, String where) {
        if (inner.startsWith("uniqueString(")) {
            return UNIQUE_STRING_LENGTH;
        }
        if (inner.equals("environmentName")) {
            return AZD_ENVIRONMENT_NAME_MAX;
        }
        if (inner.equals("subscriptionId")) {
            return 36; // a subscription GUID
        }
        throw new AssertionError(where + ": cannot bound the length of ${" + inner + "}");
    }

    /** A variable's defining expression (one line), or the expression itself. */
    private static String resolveVariable(String text, String inner) {
        Matcher var = Pattern.compile("(?m)^var " + Pattern.quote(inner) + " = (.+)$").matcher(text);
        return inner.matches("\\w+") && var.find() ? var.group(1).trim() : inner;
    }

    private static List<Path> bicepFiles() {
        try (Stream<Path> files = Files.walk(Path.of("infra"))) {
            return new ArrayList<>(files.filter(p -> p.toString().endsWith(".bicep")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
