package com.baselineguard.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.arm.ArmActions;
import com.baselineguard.config.Setting;
import com.baselineguard.event.HandledOperations;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.azure.functions.annotation.EventGridTrigger;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds infra/ and the code together. The Bicep compiler cannot run on the build machines, so the
 * templates are read as text: the role's actions, the event filter, the app settings, the function
 * names, the queue and host.json must say what the code does. The templates are kept regular (one
 * array element or object key per line, single-quoted strings) so that plain parsing is enough.
 */
class InfraConsistencyTest {

    private static final Path INFRA = Path.of("infra");
    private static final Path MODULES = INFRA.resolve("modules");
    private static final String FUNCTION_PACKAGE = "com.baselineguard.function";

    private static final String CONTRIBUTOR = "b24988ac-6180-42a0-ab88-20f7382dd24c";
    private static final String OWNER = "8e3af657-a8ff-443c-a75c-2fe8c4bcf635";
    /** The built-in roles infra/ may assign, by id (learn.microsoft.com/azure/role-based-access-control/built-in-roles). */
    private static final Map<String, String> ALLOWED_BUILT_IN_ROLES = Map.of(
            "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Storage Blob Data Owner",
            "ba92f5b4-2d11-453d-a403-e96b0029c9fe", "Storage Blob Data Contributor",
            "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Storage Queue Data Contributor",
            "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Storage Table Data Contributor",
            "3913510d-42f4-4e42-8a64-420c390055eb", "Monitoring Metrics Publisher");

    /** App settings the Functions host, the Azure SDK and the timer read, besides com.baselineguard.config.Setting. */
    private static final Set<String> PLATFORM_SETTINGS = Set.of(
            "AZURE_CLIENT_ID",
            "AZURE_CLOUD",
            "SWEEP_SCHEDULE",
            "AzureWebJobsStorage__credential",
            "AzureWebJobsStorage__clientId",
            "AzureWebJobsStorage__blobServiceUri",
            "AzureWebJobsStorage__queueServiceUri",
            "AzureWebJobsStorage__tableServiceUri",
            "APPLICATIONINSIGHTS_CONNECTION_STRING",
            "APPLICATIONINSIGHTS_AUTHENTICATION_STRING");

    /** Environment values azd sets itself, which the hooks may read. */
    private static final Set<String> AZD_VARIABLES = Set.of("AZURE_ENV_NAME", "AZURE_SUBSCRIPTION_ID", "AZURE_LOCATION");
    /** Optional inputs of the hooks, documented in docs/deploy.md. */
    private static final Set<String> HOOK_INPUTS = Set.of("ADDITIONAL_SUBSCRIPTION_IDS", "BG_HOOK_POLL_ATTEMPTS", "BG_HOOK_POLL_SECONDS");

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern PARAM = Pattern.compile("(?m)^param\\s+(\\w+)\\s+\\w+(\\s*=.*)?$");
    private static final Pattern OUTPUT = Pattern.compile("(?m)^output\\s+(\\w+)\\s");
    private static final Pattern MODULE = Pattern.compile("(?m)^module\\s+\\w+\\s+'([^']+)'");
    private static final Pattern RESOURCE = Pattern.compile("(?m)^resource\\s+\\w+\\s+'([^'@]+)@([^']+)'");

    // ---- the role ---------------------------------------------------------------------------------

    @Test
    void customRoleGrantsExactlyTheActionsTheCodeDeclares() {
        String role = read(MODULES.resolve("guard-role.bicep"));
        List<String> actions = strings(block(role, "var guardActions = ["));
        assertEquals(new TreeSet<>(ArmActions.ALL), new TreeSet<>(actions), "custom role actions vs ArmActions.ALL");
        assertEquals(actions.size(), new HashSet<>(actions).size(), "duplicate actions: " + actions);
        actions.forEach(a -> assertFalse(a.contains("*"), "wildcard action " + a));

        String permissions = block(role, "permissions: [");
        assertTrue(permissions.matches("(?s).*\\bactions: guardActions\\b.*"), "the role grants guardActions");
        List<String> dataActions = strings(block(role, "var guardDataActions = ["));
        assertEquals(new TreeSet<>(com.baselineguard.keyvault.KeyVaultDataActions.ALL), new TreeSet<>(dataActions),
                "custom role data actions vs KeyVaultDataActions.ALL");
        assertTrue(permissions.matches("(?s).*\\bdataActions: guardDataActions\\b.*"), "the role grants guardDataActions");
        for (String other : List.of("notActions", "notDataActions")) {
            assertTrue(permissions.matches("(?s).*\\b" + other + ": \\[\\].*"), other + " must be empty");
        }
        assertTrue(role.contains("roleDefinitionId: guardRole.id"), "the identity is assigned the custom role");
        assertTrue(role.contains("assignableScopes: [\n      subscription().id\n    ]"), "assignable at its subscription only");
    }

    @Test
    void theCustomRoleIsDefinedOnceAndAssignedAtEverySubscriptionInScope() {
        List<Path> definitions = bicepFiles().stream()
                .filter(p -> Pattern.compile("(?m)^resource\\s+\\w+\\s+'Microsoft.Authorization/roleDefinitions@[^']+'\\s+=").matcher(read(p)).find())
                .toList();
        assertEquals(List.of(MODULES.resolve("guard-role.bicep"), MODULES.resolve("workspace-access.bicep")), definitions,
                "role definitions: the guard role, and the diagnostics-workspace role");
        assertTrue(modules(INFRA.resolve("main.bicep")).contains("modules/guard-role.bicep"), "main.bicep assigns the role");
        assertTrue(modules(MODULES.resolve("subscription-onboarding.bicep")).contains("guard-role.bicep"),
                "each onboarded subscription gets the role");
        assertTrue(modules(INFRA.resolve("eventgrid.bicep")).contains("modules/subscription-onboarding.bicep"),
                "eventgrid.bicep onboards the additional subscriptions");
    }

    /**
     * A diagnostic setting to a Log Analytics workspace needs Microsoft.OperationalInsights/workspaces/sharedKeys/action
     * on that workspace (403 LinkedAuthorizationFailed otherwise). The grant is that action and workspaces/read (Learn,
     * Manage access to Log Analytics workspaces, custom role example 2), on that workspace only,
     * in the workspace's own subscription and resource group, and only when BG_DIAGNOSTICS_WORKSPACE_ID is set.
     */
    @Test
    void theDiagnosticsWorkspaceGrantIsTheSharedKeysActionOnThatWorkspaceOnly() {
        String access = read(MODULES.resolve("workspace-access.bicep"));
        assertEquals(List.of("Microsoft.OperationalInsights/workspaces/read",
                "Microsoft.OperationalInsights/workspaces/sharedKeys/action"), strings(block(access, "var workspaceActions = [")));
        String permissions = block(access, "permissions: [");
        assertTrue(permissions.matches("(?s).*\\bactions: workspaceActions\\b.*"));
        for (String none : List.of("notActions", "dataActions", "notDataActions")) {
            assertTrue(permissions.matches("(?s).*\\b" + none + ": \\[\\].*"), none + " must be empty");
        }
        assertTrue(access.contains("targetScope = 'subscription'"));
        assertTrue(access.contains("assignableScopes: [\n      subscriptionResourceId('Microsoft.Resources/resourceGroups', workspaceResourceGroup)\n    ]"));
        assertTrue(access.contains("scope: resourceGroup(workspaceResourceGroup)"));

        String assignment = read(MODULES.resolve("workspace-role-assignment.bicep"));
        assertTrue(assignment.contains("resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {"));
        assertTrue(block(assignment, "resource workspaceKeys 'Microsoft.Authorization/roleAssignments@2022-04-01' = {")
                .contains("scope: workspace\n"), "assigned on the workspace, not its resource group");

        String main = read(INFRA.resolve("main.bicep"));
        assertTrue(main.contains("var grantWorkspaceAccess = !empty(diagnosticsWorkspaceId)"));
        assertTrue(main.contains("module workspaceAccess 'modules/workspace-access.bicep' = if (grantWorkspaceAccess) {"));
        assertTrue(main.contains("scope: subscription(workspaceIdParts[2])"), "in the workspace's subscription");
        assertTrue(read(MODULES.resolve("function-app.bicep")).contains("BG_DIAGNOSTICS_WORKSPACE_ID: diagnosticsWorkspaceId"),
                "the app and the grant use the same workspace");
    }

    @Test
    void noRoleAssignmentUsesContributorOrOwnerAndOnlyKnownBuiltInRolesAppear() {
        for (Path file : infraFiles()) {
            String text = read(file).toLowerCase(Locale.ROOT);
            assertFalse(text.contains(CONTRIBUTOR), file + " uses Contributor");
            assertFalse(text.contains(OWNER), file + " uses Owner");
            Matcher guid = GUID.matcher(text);
            while (guid.find()) {
                assertTrue(ALLOWED_BUILT_IN_ROLES.containsKey(guid.group()), file + ": unexpected role id " + guid.group());
            }
            assertFalse(Pattern.compile("roledefinitionid:\\s*'").matcher(text).find(), file + ": role by literal id");
        }
    }

    // ---- Event Grid -------------------------------------------------------------------------------

    @Test
    void theOperationFilterEqualsTheHandledOperationsWithinEventGridsLimits() {
        String subscription = read(MODULES.resolve("event-subscription.bicep"));
        List<String> operations = strings(block(subscription, "var handledOperations = ["));
        assertEquals(new TreeSet<>(HandledOperations.ALL), new TreeSet<>(operations), "StringIn values vs HandledOperations.ALL");
        assertEquals(operations.size(), new HashSet<>(operations).size(), "duplicate operations");

        String filters = block(subscription, "advancedFilters: [");
        int filterCount = count(filters, "operatorType:");
        int valueCount = 0;
        Matcher values = Pattern.compile("values: (\\w+|\\[)").matcher(filters);
        while (values.find()) {
            valueCount += values.group(1).equals("handledOperations") ? operations.size()
                    : strings(block(filters.substring(values.start()), "values: [")).size();
        }
        assertTrue(filterCount <= 25 && valueCount <= 25, "Event Grid allows 25 advanced filters and 25 values in total: "
                + filterCount + " filters, " + valueCount + " values");
        assertTrue(filters.contains("operatorType: 'StringIn'\n          key: 'data.operationName'\n          values: handledOperations"),
                "a StringIn filter on data.operationName with handledOperations");

        assertEquals(List.of("Microsoft.Resources.ResourceWriteSuccess"), strings(block(subscription, "includedEventTypes: [")));
        for (String expected : List.of("endpointType: 'AzureFunction'", "maxEventsPerBatch: 1", "maxDeliveryAttempts: 30",
                "eventTimeToLiveInMinutes: 1440", "deadLetterWithResourceIdentity: {", "endpointType: 'StorageBlob'")) {
            assertTrue(subscription.contains(expected), "event subscription lacks " + expected);
        }
    }

    @Test
    void theSystemTopicIsTheSubscriptionsGlobalTopicCreatedOrReused() {
        String topic = read(MODULES.resolve("system-topic.bicep"));
        for (String expected : List.of("location: 'global'", "topicType: 'Microsoft.Resources.Subscriptions'",
                "source: subscription().id", "type: 'SystemAssigned'", "existing = if (!create)")) {
            assertTrue(topic.contains(expected), "system topic lacks " + expected);
        }
        assertTrue(params(INFRA.resolve("main.bicep")).containsKey("existingSystemTopicName"));
        assertTrue(params(MODULES.resolve("subscription-onboarding.bicep")).containsKey("existingSystemTopicName"));
        // Dead-lettering with the topic's identity needs its access to the container, wherever the topic is.
        assertTrue(modules(INFRA.resolve("main.bicep")).contains("modules/dead-letter-access.bicep"));
        assertTrue(modules(MODULES.resolve("subscription-onboarding.bicep")).contains("dead-letter-access.bicep"));
    }

    // ---- function names ---------------------------------------------------------------------------

    @Test
    void functionNamesInInfraAreRealFunctionsAndTheEventTargetIsAnEventGridTrigger() {
        Map<String, Method> functions = functions();
        assertTrue(functions.size() >= 7, "found functions: " + functions.keySet());
        Set<String> referenced = new TreeSet<>();
        Pattern[] patterns = {
            Pattern.compile("/functions/([A-Za-z][A-Za-z0-9_-]*)"),
            Pattern.compile("functionName\\s*=\\s*['\"]([A-Za-z][A-Za-z0-9_-]*)['\"]"),
            Pattern.compile("function_name=\"([A-Za-z][A-Za-z0-9_-]*)\""),
        };
        for (Path file : infraFiles()) {
            for (Pattern pattern : patterns) {
                Matcher m = pattern.matcher(read(file));
                while (m.find()) {
                    referenced.add(m.group(1));
                }
            }
        }
        assertEquals(Set.of("OnResourceWrite"), referenced, "function names referenced in infra/");
        for (String name : referenced) {
            Method method = functions.get(name);
            assertTrue(method != null, name + " is not a @FunctionName; functions: " + functions.keySet());
            assertTrue(Arrays.stream(method.getParameters()).anyMatch(p -> p.isAnnotationPresent(EventGridTrigger.class)),
                    name + " is the Event Grid destination but has no @EventGridTrigger");
        }
    }

    @Test
    void everyFunctionIsDocumentedInTheDeploymentGuide() {
        String guide = read(Path.of("docs", "deploy.md"));
        for (String name : functions().keySet()) {
            assertTrue(guide.contains("`" + name + "`"), "docs/deploy.md does not mention `" + name + "`");
        }
    }

    // ---- app settings -----------------------------------------------------------------------------

    @Test
    void appSettingsAreExactlyTheSettingsTheCodeReads() {
        String app = read(MODULES.resolve("function-app.bicep"));
        Set<String> inBicep = new TreeSet<>(topLevelKeys(block(app, "var appSettings = {")));
        Set<String> expected = new TreeSet<>(PLATFORM_SETTINGS);
        Arrays.stream(Setting.values()).filter(s -> s != Setting.BG_RULE_MODE_).map(Setting::variable).forEach(expected::add);
        assertEquals(expected, inBicep, "app settings in function-app.bicep vs the settings the code reads");

        // The per-rule family is generated from the ruleModes parameter, with the code's prefix.
        assertTrue(app.contains("'" + Setting.BG_RULE_MODE_.variable() + "${toUpper(replace(entry.key, '-', '_'))}'"),
                "ruleModes become " + Setting.BG_RULE_MODE_.variable() + "<ID> settings");
        assertTrue(app.contains("properties: union(appSettings, ruleModeSettings)"), "the app gets both");
        assertTrue(app.contains("AzureWebJobsStorage__credential: 'managedidentity'"));
        assertTrue(app.contains("APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'"));
        assertFalse(app.toLowerCase(Locale.ROOT).contains("accountkey"), "no storage account keys in settings");
    }

    @Test
    void theFirstRolloutIsAuditOnly() {
        Map<String, String> main = params(INFRA.resolve("main.bicep"));
        assertEquals("'audit'", main.get("maxMode"), "maxMode defaults to audit");
        assertTrue(read(MODULES.resolve("function-app.bicep")).contains("BG_MAX_MODE: maxMode"));
        JsonObject parameters = json(INFRA.resolve("main.parameters.json")).getAsJsonObject("parameters");
        assertEquals("${BG_MAX_MODE=audit}", parameters.getAsJsonObject("maxMode").get("value").getAsString());
    }

    @Test
    void hostJsonAndTheSettingsAgreeOnTheQueueDelayAndAttemptBound() {
        JsonObject queues = json(Path.of("host.json")).getAsJsonObject("extensions").getAsJsonObject("queues");
        Duration visibility = Duration.ofSeconds(LocalTime.parse(queues.get("visibilityTimeout").getAsString()).toSecondOfDay());
        int maxDequeue = queues.get("maxDequeueCount").getAsInt();
        assertEquals(Duration.ofSeconds(Long.parseLong(Setting.BG_FOLLOW_UP_DELAY_SECONDS.defaultValue())), visibility,
                "host.json visibilityTimeout vs BG_FOLLOW_UP_DELAY_SECONDS default");
        assertEquals(Integer.parseInt(Setting.BG_MAX_ATTEMPTS.defaultValue()), maxDequeue,
                "host.json maxDequeueCount vs BG_MAX_ATTEMPTS default");

        String app = read(MODULES.resolve("function-app.bicep"));
        assertTrue(app.contains("var followUpDelaySeconds = " + visibility.toSeconds() + "\n"), "function-app.bicep delay");
        assertTrue(app.contains("var maxAttempts = " + maxDequeue + "\n"), "function-app.bicep attempts");
    }

    @Test
    void theStorageHoldsTheFunctionsQueueAndIsIdentityOnly() {
        Method deferred = functions().get("DeferredRemediation");
        QueueTrigger trigger = Arrays.stream(deferred.getParameters()).map(p -> p.getAnnotation(QueueTrigger.class))
                .filter(t -> t != null).findFirst().orElseThrow();
        String storage = read(MODULES.resolve("storage.bicep"));
        assertTrue(storage.contains("var workQueueName = '" + trigger.queueName() + "'"), "queue " + trigger.queueName());
        assertTrue(storage.contains("var poisonQueueName = '" + trigger.queueName() + "-poison'"), "poison queue");
        assertEquals("AzureWebJobsStorage", trigger.connection(), "the AzureWebJobsStorage__* settings serve the queue");
        for (String expected : List.of("allowSharedKeyAccess: false", "minimumTlsVersion: 'TLS1_2'",
                "supportsHttpsTrafficOnly: true", "allowBlobPublicAccess: false")) {
            assertTrue(storage.contains(expected), "storage lacks " + expected);
        }
        String app = read(MODULES.resolve("function-app.bicep"));
        for (String expected : List.of("name: 'FC1'", "tier: 'FlexConsumption'", "name: 'java'", "version: '17'",
                "type: 'UserAssignedIdentity'", "'azd-service-name': serviceName", "param serviceName string = 'app'")) {
            assertTrue(app.contains(expected), "function app lacks " + expected);
        }
    }

    // ---- wiring between the files -----------------------------------------------------------------

    @Test
    void theParametersFileMatchesMainBicep() {
        Map<String, String> declared = params(INFRA.resolve("main.bicep"));
        Set<String> given = json(INFRA.resolve("main.parameters.json")).getAsJsonObject("parameters").keySet();
        assertTrue(declared.keySet().containsAll(given), "undeclared parameters: " + given);
        declared.forEach((name, defaultValue) -> assertTrue(defaultValue != null || given.contains(name),
                "main.bicep parameter " + name + " has no default and no value in main.parameters.json"));
    }

    @Test
    void theHooksPassEveryEventGridParameterFromTheAzdEnvironment() {
        Map<String, String> declared = params(INFRA.resolve("eventgrid.bicep"));
        Set<String> outputs = outputs(INFRA.resolve("main.bicep"));
        // The parameters go to az through a parameters file: one entry per line in each hook.
        Map<String, Pattern> entries = Map.of(
                "postdeploy.sh", Pattern.compile("(?m)^\\s+\"(\\w+)\": \\{\"value\": "),
                "postdeploy.ps1", Pattern.compile("(?m)^\\s+(\\w+) = @\\{ value = "));
        for (String hook : List.of("postdeploy.sh", "postdeploy.ps1")) {
            String text = read(INFRA.resolve("hooks").resolve(hook));
            assertTrue(text.contains("az deployment sub create"), hook);
            assertTrue(text.contains("--template-file infra/eventgrid.bicep"), hook);
            assertTrue(text.contains("--parameters \"@$"), hook + " passes a parameters file");
            Set<String> passed = new TreeSet<>();
            Matcher m = entries.get(hook).matcher(text);
            while (m.find()) {
                passed.add(m.group(1));
            }
            assertEquals(declared.keySet().stream().filter(n -> !n.equals("location")).collect(java.util.stream.Collectors.toCollection(TreeSet::new)),
                    passed, hook + ": parameters passed vs eventgrid.bicep's (location defaults to the deployment's)");

            Matcher variables = Pattern.compile(hook.endsWith(".ps1") ? "\\$env:([A-Z][A-Z0-9_]+)" : "\\$\\{?([A-Z][A-Z0-9_]+)")
                    .matcher(text);
            while (variables.find()) {
                String variable = variables.group(1);
                assertTrue(outputs.contains(variable) || AZD_VARIABLES.contains(variable) || HOOK_INPUTS.contains(variable),
                        hook + " reads " + variable + ", which neither main.bicep outputs nor azd sets");
            }
            Matcher required = Pattern.compile(hook.endsWith(".ps1") ? "Assert-Set @\\(([^)]*)\\)" : "(?s)require (AZURE_ENV_NAME.*?)\\n[a-z]")
                    .matcher(text);
            assertTrue(required.find(), hook + " checks the azd values it needs first");
            for (String output : List.of("FUNCTION_APP_ID", "SYSTEM_TOPIC_NAME", "EVENTGRID_DEPLOYMENT_NAME")) {
                assertTrue(required.group(1).contains(output), hook + " requires " + output);
            }
        }
    }

    @Test
    void azureYamlDeploysTheAppAndRunsThePostdeployHook() {
        String yaml = read(Path.of("azure.yaml"));
        for (String expected : List.of("services:\n  app:\n    project: .\n    language: java\n    host: function",
                "preprovision:", "run: infra/hooks/preprovision.sh", "run: infra/hooks/preprovision.ps1",
                "postdeploy:", "run: infra/hooks/postdeploy.sh", "run: infra/hooks/postdeploy.ps1")) {
            assertTrue(yaml.contains(expected), "azure.yaml lacks " + expected);
        }
        for (String hook : List.of("preprovision.sh", "preprovision.ps1", "postdeploy.sh", "postdeploy.ps1", "common.sh", "common.ps1")) {
            assertTrue(Files.isRegularFile(INFRA.resolve("hooks").resolve(hook)), hook);
        }
        assertTrue(read(INFRA.resolve("main.bicep")).startsWith("//") && read(INFRA.resolve("main.bicep")).contains("targetScope = 'subscription'"));
    }

    @Test
    void templatesUseLocalModulesAndExplicitApiVersions() {
        for (Path file : bicepFiles()) {
            String text = read(file);
            assertFalse(text.contains("'br:") || text.contains("'br/"), file + " uses a registry module");
            for (String module : modules(file)) {
                assertTrue(Files.isRegularFile(file.getParent().resolve(module)), file + ": missing module " + module);
            }
            Matcher resource = RESOURCE.matcher(text);
            while (resource.find()) {
                assertTrue(resource.group(2).matches("\\d{4}-\\d{2}-\\d{2}(-preview)?"),
                        file + ": " + resource.group(1) + " has api version " + resource.group(2));
            }
        }
    }

    // ---- parsing helpers ----------------------------------------------------------------------------

    /** Every @FunctionName in the function package, from the compiled classes. */
    private static Map<String, Method> functions() {
        Path dir = Path.of("target", "classes", FUNCTION_PACKAGE.replace('.', '/'));
        Map<String, Method> found = new LinkedHashMap<>();
        try (Stream<Path> classes = Files.list(dir)) {
            for (Path file : classes.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String simple = file.getFileName().toString().replaceFirst("\\.class$", "");
                Class<?> type = Class.forName(FUNCTION_PACKAGE + "." + simple, false, InfraConsistencyTest.class.getClassLoader());
                for (Method method : type.getDeclaredMethods()) {
                    FunctionName name = method.getAnnotation(FunctionName.class);
                    if (name != null) {
                        assertTrue(found.put(name.value(), method) == null, "duplicate function " + name.value());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private static List<Path> infraFiles() {
        try (Stream<Path> files = Files.walk(INFRA)) {
            List<Path> list = new ArrayList<>(files.filter(Files::isRegularFile).sorted().toList());
            list.add(Path.of("azure.yaml"));
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> bicepFiles() {
        return infraFiles().stream().filter(p -> p.toString().endsWith(".bicep")).toList();
    }

    static String read(Path path) {
        try {
            return Files.readString(path).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonObject json(Path path) {
        return JsonParser.parseString(read(path)).getAsJsonObject();
    }

    /** Parameter names of a Bicep file, each with its default expression (null when it has none). */
    private static Map<String, String> params(Path file) {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(read(file));
        while (m.find()) {
            params.put(m.group(1), m.group(2) == null ? null : m.group(2).replaceFirst("^\\s*=\\s*", "").trim());
        }
        return params;
    }

    private static Set<String> outputs(Path file) {
        Set<String> outputs = new TreeSet<>();
        Matcher m = OUTPUT.matcher(read(file));
        while (m.find()) {
            outputs.add(m.group(1));
        }
        return outputs;
    }

    private static List<String> modules(Path file) {
        List<String> modules = new ArrayList<>();
        Matcher m = MODULE.matcher(read(file));
        while (m.find()) {
            modules.add(m.group(1));
        }
        return modules;
    }

    /**
     * The text between the bracket that ends {@code opening} and its matching close, skipping brackets
     * inside single-quoted strings (interpolations included) and line comments.
     */
    static String block(String text, String opening) {
        int start = text.indexOf(opening);
        assertTrue(start >= 0, "no '" + opening + "' in the template");
        char open = opening.charAt(opening.length() - 1);
        assertTrue(open == '[' || open == '{', opening + " must end with [ or {");
        int from = start + opening.length();
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                i = endOfString(text, i);
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                i = text.indexOf('\n', i) < 0 ? text.length() : text.indexOf('\n', i);
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
                if (depth == 0) {
                    return text.substring(from, i);
                }
            }
        }
        throw new AssertionError("unbalanced brackets after '" + opening + "'");
    }

    private static int endOfString(String text, int quote) {
        for (int i = quote + 1; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == '\'') {
                return i;
            }
        }
        throw new AssertionError("unterminated string");
    }

    /** The plain single-quoted string literals of a block, in order. */
    static List<String> strings(String block) {
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'").matcher(block.replaceAll("(?m)//.*$", ""));
        while (m.find()) {
            assertFalse(m.group(1).contains("${"), "interpolated string in a literal list: " + m.group(1));
            values.add(m.group(1));
        }
        return values;
    }

    /** The keys of an object body at its own level (not of nested objects). */
    static List<String> topLevelKeys(String body) {
        List<String> keys = new ArrayList<>();
        int depth = 0;
        for (String line : body.split("\n")) {
            String code = line.replaceAll("'((?:[^'\\\\]|\\\\.)*)'", "''").replaceAll("//.*$", "");
            if (depth == 0) {
                Matcher key = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*|'[^']+')\\s*:").matcher(line);
                if (key.find()) {
                    keys.add(key.group(1).replace("'", ""));
                }
            }
            for (char c : code.toCharArray()) {
                depth += (c == '{' || c == '[') ? 1 : (c == '}' || c == ']') ? -1 : 0;
            }
        }
        return keys;
    }

    private static int count(String text, String needle) {
        return (text.length() - text.replace(needle, "").length()) / needle.length();
    }
}
