package com.baselineguard.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the POSIX hooks (infra/hooks/*.sh) as azd would, with a fake {@code az} (and {@code azd}) on a PATH that
 * holds nothing else but links to the few tools the hooks call, so the tests run, and "az is not installed" holds,
 * on a machine with the Azure CLI too. Each test checks the hook's messages, exit code and what it asked az to do.
 * The fakes log every call; their answers are set through FAKE_* variables. The PowerShell hooks cannot run here
 * (no pwsh); they follow the same steps and messages.
 */
class HookScriptTest {

    private static final String SUBSCRIPTION = "00000000-0000-0000-0000-0000000000aa";
    private static final String APP = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg-bg/providers/Microsoft.Web/sites/func-bg-x";

    /** A stand-in for the Azure CLI: answers the calls the hooks make, as FAKE_* says, and logs them. */
    private static final String FAKE_AZ = """
            #!/bin/sh
            printf '%s\\n' "az $*" >> "$FAKE_LOG"
            case "$1 $2" in
              "account show")
                if [ "${FAKE_AZ_ACCOUNT:-ok}" = ok ]; then echo "$AZURE_SUBSCRIPTION_ID"; exit 0; fi
                echo "ERROR: Please run 'az login' to setup account." >&2; exit 1 ;;
              "rest --method")
                n=$(cat "$FAKE_DIR/rest.count" 2>/dev/null || echo 0); n=$((n + 1)); echo "$n" > "$FAKE_DIR/rest.count"
                if [ "$n" -gt "${FAKE_AZ_REST_FAILURES:-0}" ]; then exit 0; fi
                echo "ERROR: (NotFound) Error retrieving function OnResourceWrite, attempt $n" >&2; exit 3 ;;
              "deployment sub")
                for arg in "$@"; do case "$arg" in @*) cp "${arg#@}" "$FAKE_DIR/parameters.json" ;; esac; done
                if [ "${FAKE_AZ_DEPLOY:-ok}" = ok ]; then exit 0; fi
                echo "ERROR: InvalidTemplateDeployment: The template deployment failed with error 'LinkedAuthorizationFailed'." >&2; exit 1 ;;
              "eventgrid system-topic")
                if [ "${FAKE_AZ_TOPICS_FAIL:-no}" = yes ]; then echo "ERROR: AuthorizationFailed on Microsoft.EventGrid/systemTopics/read" >&2; exit 1; fi
                printf '%b' "${FAKE_AZ_TOPICS:-}"; exit 0 ;;
            esac
            echo "fake az: unexpected call: $*" >&2; exit 99
            """;

    private static final String FAKE_AZD = """
            #!/bin/sh
            printf '%s\\n' "azd $*" >> "$FAKE_LOG"
            exit 0
            """;

    /**
     * The only programs the hooks and the fakes run besides az and azd (the rest are shell built-ins). PATH holds the
     * fakes and links to these, nothing else, so an Azure CLI installed on the machine is never reached.
     */
    private static final List<String> TOOLS = List.of("sh", "bash", "cat", "cp", "cut", "dirname", "grep", "head", "mktemp",
            "rm", "sleep", "tail", "tr");

    @TempDir
    Path dir;
    private Path bin;
    private Path tools;
    private Path log;

    @BeforeEach
    void fakes() throws IOException {
        bin = Files.createDirectory(dir.resolve("bin"));
        tools = Files.createDirectory(dir.resolve("tools"));
        for (String tool : TOOLS) {
            Path real = Stream.of("/usr/bin", "/bin").map(base -> Path.of(base, tool)).filter(Files::isExecutable).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the hooks need " + tool + " in /usr/bin or /bin"));
            Files.createSymbolicLink(tools.resolve(tool), real);
        }
        log = dir.resolve("calls.log");
        Files.writeString(log, "");
    }

    /** The links go before @TempDir's clean-up, which warns about every link that leaves the directory. */
    @AfterEach
    void unlinkTools() throws IOException {
        for (String tool : TOOLS) {
            Files.deleteIfExists(tools.resolve(tool));
        }
    }

    private void install(String tool, String script) throws IOException {
        Path file = bin.resolve(tool);
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Map<String, String> deployedEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("AZURE_ENV_NAME", "bg-prod");
        env.put("AZURE_SUBSCRIPTION_ID", SUBSCRIPTION);
        env.put("AZURE_LOCATION", "westeurope");
        env.put("FUNCTION_APP_ID", APP);
        env.put("SYSTEM_TOPIC_NAME", "evgt-bg-x");
        env.put("SYSTEM_TOPIC_RESOURCE_GROUP", "rg-bg");
        env.put("STORAGE_ACCOUNT_ID", "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg-bg/providers/Microsoft.Storage/storageAccounts/stbgx");
        env.put("DEAD_LETTER_CONTAINER_NAME", "eventgrid-deadletter");
        env.put("GUARD_IDENTITY_PRINCIPAL_ID", "11111111-1111-1111-1111-111111111111");
        env.put("EVENTGRID_DEPLOYMENT_NAME", "bg-eventgrid-abcdefghijklm");
        env.put("BG_HOOK_POLL_SECONDS", "0");
        return env;
    }

    private record Run(int exit, String out, String err, List<String> calls) {
    }

    private Run run(String shell, String hook, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(tools.resolve(shell).toString(), "infra/hooks/" + hook);
        builder.environment().clear();
        builder.environment().put("PATH", bin + ":" + tools);
        builder.environment().put("HOME", dir.toString());
        builder.environment().put("FAKE_LOG", log.toString());
        builder.environment().put("FAKE_DIR", dir.toString());
        builder.environment().putAll(env);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), hook + " did not finish");
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err),
                Files.readAllLines(log, StandardCharsets.UTF_8));
    }

    // ---- postdeploy.sh --------------------------------------------------------------------------

    @Test
    void postdeployWithoutAzStopsAtOnceAndSaysHowToInstallIt() throws Exception {
        Run run = run("sh", "postdeploy.sh", deployedEnvironment());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("error: the Azure CLI (az) is not installed or not on PATH"), run.err());
        assertTrue(run.err().contains("https://learn.microsoft.com/cli/azure/install-azure-cli"));
        assertEquals(List.of(), run.calls());
    }

    @Test
    void postdeployNotSignedInShowsAzsAnswerAndStopsBeforeWaiting() throws Exception {
        install("az", FAKE_AZ);
        Map<String, String> env = deployedEnvironment();
        env.put("FAKE_AZ_ACCOUNT", "fail");
        Run run = run("sh", "postdeploy.sh", env);
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("error: az cannot use subscription " + SUBSCRIPTION + ": ERROR: Please run 'az login' to setup account."),
                run.err());
        assertTrue(run.err().contains("az login"));
        assertEquals(List.of("az account show --subscription " + SUBSCRIPTION + " --query id --output tsv"), run.calls());
    }

    @Test
    void postdeployWithoutTheProvisionOutputsNamesTheMissingValue() throws Exception {
        install("az", FAKE_AZ);
        Map<String, String> env = deployedEnvironment();
        env.remove("EVENTGRID_DEPLOYMENT_NAME");
        Run run = run("sh", "postdeploy.sh", env);
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("error: EVENTGRID_DEPLOYMENT_NAME is not set."), run.err());
        assertEquals(List.of(), run.calls());
    }

    @Test
    void postdeployGivesUpAfterTheConfiguredTriesAndShowsTheLastAzError() throws Exception {
        install("az", FAKE_AZ);
        Map<String, String> env = deployedEnvironment();
        env.put("FAKE_AZ_REST_FAILURES", "100");
        env.put("BG_HOOK_POLL_ATTEMPTS", "3");
        Run run = run("sh", "postdeploy.sh", env);
        assertEquals(1, run.exit());
        assertTrue(run.out().contains("up to 3 tries, 0s apart"), run.out());
        assertTrue(run.err().contains("error: the function OnResourceWrite is not listed after 3 tries. Was the code deployed (azd deploy)?"),
                run.err());
        assertTrue(run.err().contains("Last az error:\nERROR: (NotFound) Error retrieving function OnResourceWrite, attempt 3"), run.err());
        assertEquals(3, run.calls().stream().filter(c -> c.startsWith("az rest")).count());
        assertFalse(run.calls().stream().anyMatch(c -> c.startsWith("az deployment")), "no deployment after giving up");
    }

    @Test
    void postdeployShowsTheDeploymentErrorAndFails() throws Exception {
        install("az", FAKE_AZ);
        Map<String, String> env = deployedEnvironment();
        env.put("FAKE_AZ_DEPLOY", "fail");
        Run run = run("sh", "postdeploy.sh", env);
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("error: az deployment sub create failed for bg-eventgrid-abcdefghijklm:\n"
                + "ERROR: InvalidTemplateDeployment: The template deployment failed with error 'LinkedAuthorizationFailed'."), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sh", "bash"})
    void postdeployWaitsForTheFunctionThenDeploysEventGridWithAParametersFile(String shell) throws Exception {
        install("az", FAKE_AZ);
        Map<String, String> env = deployedEnvironment();
        env.put("FAKE_AZ_REST_FAILURES", "2");
        env.put("ADDITIONAL_SUBSCRIPTION_IDS", " 22222222-2222-2222-2222-222222222222 ,33333333-3333-3333-3333-333333333333");
        Run run = run(shell, "postdeploy.sh", env);
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().endsWith("Event Grid now delivers resource writes in " + SUBSCRIPTION + " to OnResourceWrite.\n"), run.out());

        List<String> calls = run.calls();
        assertEquals("az account show --subscription " + SUBSCRIPTION + " --query id --output tsv", calls.get(0));
        assertEquals(3, calls.stream().filter(c -> c.equals("az rest --method get --only-show-errors --output none --url "
                + APP + "/functions/OnResourceWrite?api-version=2024-04-01")).count());
        String deploy = calls.get(calls.size() - 1);
        assertTrue(deploy.startsWith("az deployment sub create --subscription " + SUBSCRIPTION + " --name bg-eventgrid-abcdefghijklm"
                + " --location westeurope --template-file infra/eventgrid.bicep --parameters @"), deploy);

        JsonObject parameters = JsonParser.parseString(Files.readString(dir.resolve("parameters.json")))
                .getAsJsonObject().getAsJsonObject("parameters");
        assertEquals("bg-prod", value(parameters, "environmentName"));
        assertEquals(APP, value(parameters, "functionAppId"));
        assertEquals("evgt-bg-x", value(parameters, "systemTopicName"));
        assertEquals("rg-bg", value(parameters, "systemTopicResourceGroup"));
        assertEquals("eventgrid-deadletter", value(parameters, "deadLetterContainerName"));
        assertEquals("11111111-1111-1111-1111-111111111111", value(parameters, "guardPrincipalId"));
        JsonArray additional = parameters.getAsJsonObject("additionalSubscriptionIds").getAsJsonArray("value");
        assertEquals(List.of("22222222-2222-2222-2222-222222222222", "33333333-3333-3333-3333-333333333333"),
                additional.asList().stream().map(e -> e.getAsString()).toList());
        assertFalse(Files.exists(Path.of(deploy.substring(deploy.indexOf('@') + 1, deploy.indexOf(' ', deploy.indexOf('@'))))),
                "the parameters file is removed afterwards");
    }

    @Test
    void postdeployRefusesAnAdditionalSubscriptionThatIsNotAGuid() throws Exception {
        install("az", FAKE_AZ);
        Map<String, String> env = deployedEnvironment();
        env.put("ADDITIONAL_SUBSCRIPTION_IDS", "22222222-2222-2222-2222-222222222222,prod\"sub");
        Run run = run("sh", "postdeploy.sh", env);
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("ADDITIONAL_SUBSCRIPTION_IDS holds 'prod\"sub', which is not a subscription id (GUID)"), run.err());
    }

    // ---- preprovision.sh ------------------------------------------------------------------------

    private Map<String, String> provisionEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("AZURE_ENV_NAME", "bg-prod");
        env.put("AZURE_SUBSCRIPTION_ID", SUBSCRIPTION);
        return env;
    }

    @Test
    void preprovisionWithoutAzStops() throws Exception {
        install("azd", FAKE_AZD);
        Run run = run("sh", "preprovision.sh", provisionEnvironment());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("the Azure CLI (az) is not installed"), run.err());
    }

    @Test
    void preprovisionWithNoTopicLetsMainBicepCreateOneAndChangesNothing() throws Exception {
        install("az", FAKE_AZ);
        install("azd", FAKE_AZD);
        Run run = run("sh", "preprovision.sh", provisionEnvironment());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("main.bicep creates one"), run.out());
        assertFalse(run.calls().stream().anyMatch(c -> c.startsWith("azd env set")), "nothing to record: " + run.calls());
        assertTrue(run.calls().contains("az eventgrid system-topic list --subscription " + SUBSCRIPTION + " --only-show-errors --query "
                + "[?topicType=='Microsoft.Resources.Subscriptions'].[name, resourceGroup, tags.\"azd-env-name\", identity.type] --output tsv"),
                run.calls().toString());
    }

    @Test
    void preprovisionReusesAnotherEnvironmentsTopic() throws Exception {
        install("az", FAKE_AZ);
        install("azd", FAKE_AZD);
        Map<String, String> env = provisionEnvironment();
        env.put("FAKE_AZ_TOPICS", "evgt-bg-other\\trg-bg-test\\tbg-test\\tSystemAssigned\\n");
        Run run = run("sh", "preprovision.sh", env);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("Reusing the subscription's system topic evgt-bg-other (resource group rg-bg-test, created by environment bg-test); "
                + "azd down will not delete it."), run.out());
        assertEquals(List.of("azd env set EXISTING_SYSTEM_TOPIC_NAME evgt-bg-other", "azd env set EXISTING_SYSTEM_TOPIC_RESOURCE_GROUP rg-bg-test"),
                azdCalls(run));
    }

    @Test
    void preprovisionKeepsManagingTheTopicThisEnvironmentCreatedAndClearsAnOldReuse() throws Exception {
        install("az", FAKE_AZ);
        install("azd", FAKE_AZD);
        Map<String, String> env = provisionEnvironment();
        env.put("FAKE_AZ_TOPICS", "evgt-bg-mine\\trg-bg-prod\\tbg-prod\\tSystemAssigned\\n");
        env.put("EXISTING_SYSTEM_TOPIC_NAME", "evgt-bg-mine");
        env.put("EXISTING_SYSTEM_TOPIC_RESOURCE_GROUP", "rg-bg-prod");
        Run run = run("sh", "preprovision.sh", env);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("belongs to this environment"), run.out());
        assertEquals(List.of("azd env set EXISTING_SYSTEM_TOPIC_NAME ", "azd env set EXISTING_SYSTEM_TOPIC_RESOURCE_GROUP "), azdCalls(run));
    }

    @Test
    void preprovisionStopsWhenTheTopicToReuseHasNoSystemIdentity() throws Exception {
        install("az", FAKE_AZ);
        install("azd", FAKE_AZD);
        Map<String, String> env = provisionEnvironment();
        env.put("FAKE_AZ_TOPICS", "defender-topic\\trg-security\\t\\t\\n");
        Run run = run("sh", "preprovision.sh", env);
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("error: the subscription's system topic defender-topic (resource group rg-security) has no system-assigned identity"),
                run.err());
        assertTrue(run.err().contains("az eventgrid system-topic update --subscription " + SUBSCRIPTION
                + " --resource-group rg-security --name defender-topic --identity systemassigned"), run.err());
        assertEquals(List.of(), azdCalls(run));
    }

    @Test
    void preprovisionShowsAzsErrorWhenTheTopicsCannotBeListed() throws Exception {
        install("az", FAKE_AZ);
        install("azd", FAKE_AZD);
        Map<String, String> env = provisionEnvironment();
        env.put("FAKE_AZ_TOPICS_FAIL", "yes");
        Run run = run("sh", "preprovision.sh", env);
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("az eventgrid system-topic list failed in subscription " + SUBSCRIPTION + ":\n"
                + "ERROR: AuthorizationFailed on Microsoft.EventGrid/systemTopics/read"), run.err());
    }

    private static List<String> azdCalls(Run run) {
        List<String> azd = new ArrayList<>();
        run.calls().stream().filter(c -> c.startsWith("azd ")).forEach(azd::add);
        return azd;
    }

    private static String value(JsonObject parameters, String name) {
        return parameters.getAsJsonObject(name).get("value").getAsString();
    }
}
