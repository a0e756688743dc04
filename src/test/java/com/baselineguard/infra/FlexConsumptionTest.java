package com.baselineguard.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The function app is a Flex Consumption app: nothing that deploys it may carry a site property or app
 * setting that Flex Consumption refuses or ignores, and the Maven plugin is not a second, differently
 * configured deployment route.
 */
class FlexConsumptionTest {

    /**
     * "Flex Consumption plan deprecations",
     * https://learn.microsoft.com/azure/azure-functions/functions-app-settings#flex-consumption-plan-deprecations
     * (site properties; the service answers a site carrying them with "The following list of ... site
     * configuration properties (Site.SiteConfig.FtpsState, ...) for Flex Consumption sites is invalid").
     */
    static final Set<String> DEPRECATED_SITE_PROPERTIES = Set.of(
            "alwaysOn",
            "containerSize",
            "ftpsState",
            "functionAppScaleLimit",
            "isReserved",
            "IsXenon",
            "javaVersion",
            "linuxFxVersion",
            "netFrameworkVersion",
            "powerShellVersion",
            "preWarmedInstanceCount",
            "use32BitWorkerProcess",
            "vnetBackupRestoreEnabled",
            "vnetContentShareEnabled",
            "vnetImagePullEnabled",
            "vnetRouteAllEnabled",
            "windowsFxVersion");

    /** The app settings on the same list (same source). */
    static final Set<String> DEPRECATED_APP_SETTINGS = Set.of(
            "ENABLE_ORYX_BUILD",
            "FUNCTIONS_EXTENSION_VERSION",
            "FUNCTIONS_MAX_HTTP_CONCURRENCY",
            "FUNCTIONS_WORKER_DYNAMIC_CONCURRENCY_ENABLED",
            "FUNCTIONS_WORKER_PROCESS_COUNT",
            "FUNCTIONS_WORKER_RUNTIME",
            "FUNCTIONS_WORKER_RUNTIME_VERSION",
            "SCM_DO_BUILD_DURING_DEPLOYMENT",
            "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING",
            "WEBSITE_CONTENTOVERVNET",
            "WEBSITE_CONTENTSHARE",
            "WEBSITE_DNS_SERVER",
            "WEBSITE_MAX_DYNAMIC_APPLICATION_SCALE_OUT",
            "WEBSITE_NODE_DEFAULT_VERSION",
            "WEBSITE_RUN_FROM_PACKAGE",
            "WEBSITE_SKIP_CONTENTSHARE_VALIDATION",
            "WEBSITE_VNET_ROUTE_ALL");

    private static final Path INFRA = Path.of("infra");

    @Test
    void noTemplateSetsADeprecatedSitePropertyOrAppSetting() {
        List<String> found = new ArrayList<>();
        for (Path file : deployedFiles()) {
            deprecatedNamesIn(withoutComments(file)).forEach(name -> found.add(file + ": " + name));
        }
        assertEquals(List.of(), found, "Flex Consumption refuses or ignores these");
    }

    @Test
    void theScanWouldCatchTheOldFtpsStateAndAnAppSetting() {
        String old = "    siteConfig: {\n      minTlsVersion: '1.2'\n      ftpsState: 'Disabled'\n    }\n";
        assertEquals(List.of("ftpsState"), deprecatedNamesIn(old));
        assertEquals(List.of("ftpsState"), deprecatedNamesIn("  'FTPSSTATE': 'Disabled'\n"), "quoted, in any casing");
        assertEquals(List.of("FUNCTIONS_EXTENSION_VERSION"), deprecatedNamesIn("<name>FUNCTIONS_EXTENSION_VERSION</name>"));
        assertEquals(List.of(), deprecatedNamesIn("  properties: {\n    reserved: true\n"),
                "the plan's reserved: true (Linux) is not the site's isReserved");
        assertEquals(List.of(), deprecatedNamesIn("BG_FUNCTIONS_WORKER_RUNTIME_X: 'y'\n"), "a longer name is not the setting");
    }

    /** A Bicep object key (quoted or not), in any casing: ARM property names are case-insensitive. */
    static Pattern sitePropertyKey(String property) {
        return Pattern.compile("(?im)^\\s*'?" + Pattern.quote(property) + "'?\\s*:");
    }

    /** The setting's name as a whole word (not part of a longer name), in any casing. */
    static Pattern appSettingName(String setting) {
        return Pattern.compile("(?i)(?<![A-Za-z0-9_])" + Pattern.quote(setting) + "(?![A-Za-z0-9_])");
    }

    /** The deprecated site properties and app settings a text carries, sorted: what the scan reports. */
    static List<String> deprecatedNamesIn(String code) {
        List<String> found = new ArrayList<>();
        DEPRECATED_SITE_PROPERTIES.stream().filter(p -> sitePropertyKey(p).matcher(code).find()).forEach(found::add);
        DEPRECATED_APP_SETTINGS.stream().filter(s -> appSettingName(s).matcher(code).find()).forEach(found::add);
        return found.stream().sorted().toList();
    }

    @Test
    void theAppIsFlexConsumptionWithRuntimeAndScaleInFunctionAppConfig() {
        String app = InfraConsistencyTest.read(INFRA.resolve("modules/function-app.bicep"));
        String site = InfraConsistencyTest.block(app, "resource app 'Microsoft.Web/sites@2024-04-01' = {");
        assertEquals(List.of("minTlsVersion"), InfraConsistencyTest.topLevelKeys(InfraConsistencyTest.block(site, "siteConfig: {")),
                "siteConfig carries only what Flex Consumption accepts");
        String config = InfraConsistencyTest.block(site, "functionAppConfig: {");
        assertTrue(config.contains("runtime: {\n        name: 'java'\n        version: '17'\n      }"), config);
        assertTrue(config.contains("instanceMemoryMB: instanceMemoryMB"));
        assertTrue(config.contains("type: 'UserAssignedIdentity'"));
    }

    @Test
    void ftpAndScmBasicAuthPublishingAreOff() {
        String app = InfraConsistencyTest.read(INFRA.resolve("modules/function-app.bicep"));
        for (String name : List.of("ftp", "scm")) {
            Matcher policy = Pattern.compile("resource \\w+ 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = "
                    + "if \\(disableBasicPublishingCredentials\\) \\{\\n  parent: app\\n  name: '" + name + "'\\n  properties: \\{\\n"
                    + "    allow: false\\n  \\}\\n\\}").matcher(app);
            assertTrue(policy.find(), name + " publishing policy");
        }
        assertTrue(app.contains("param disableBasicPublishingCredentials bool = true"));

        // The documented fallback (docs/deploy.md): azd env set BG_DISABLE_BASIC_PUBLISHING false.
        String main = InfraConsistencyTest.read(INFRA.resolve("main.bicep"));
        assertTrue(main.contains("param disableBasicPublishingCredentials bool = true"), "main.bicep parameter");
        assertTrue(InfraConsistencyTest.block(main, "module app 'modules/function-app.bicep' = {")
                .contains("disableBasicPublishingCredentials: disableBasicPublishingCredentials\n"), "passed to the app");
        assertTrue(InfraConsistencyTest.read(INFRA.resolve("main.parameters.json"))
                .contains("\"disableBasicPublishingCredentials\": {\n      \"value\": \"${BG_DISABLE_BASIC_PUBLISHING=true}\"\n    }"),
                "mapped from the azd environment");
        assertTrue(InfraConsistencyTest.read(Path.of("docs", "deploy.md")).contains("azd env set BG_DISABLE_BASIC_PUBLISHING false"));
    }

    /**
     * azure-functions-maven-plugin 1.35.0 parses pricingTier with PricingTier.fromString, which knows
     * "Flex Consumption" and "FC1" but not "FlexConsumption" (it then warns "may not be a valid pricing
     * tier" and skips its Flex checks). The deploy goal is not used: the plugin configures the package goal only.
     */
    @Test
    void theFunctionsPluginOnlyPackages() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Document pom = factory.newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        Element plugin = null;
        NodeList artifacts = pom.getElementsByTagName("artifactId");
        for (int i = 0; i < artifacts.getLength(); i++) {
            if (artifacts.item(i).getTextContent().equals("azure-functions-maven-plugin")) {
                plugin = (Element) artifacts.item(i).getParentNode();
            }
        }
        assertTrue(plugin != null, "the functions plugin");
        Element configuration = (Element) plugin.getElementsByTagName("configuration").item(0);
        List<String> elements = new ArrayList<>();
        for (Node child = configuration.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                elements.add(element.getTagName());
            }
        }
        assertEquals(List.of("appName", "allowTelemetry", "buildJarWithDependencies"), elements,
                "package-only configuration; deploy-only elements (pricingTier, resourceGroup, appSettings, ...) are absent");
        NodeList goals = plugin.getElementsByTagName("goal");
        assertEquals(1, goals.getLength());
        assertEquals("package", goals.item(0).getTextContent());
        assertFalse(Files.readString(Path.of("pom.xml")).contains("<pricingTier>"));
    }

    /** infra/ and pom.xml: what is deployed to the app. local.settings.json.example is local only (Core Tools). */
    private static List<Path> deployedFiles() {
        try (Stream<Path> files = Files.walk(INFRA)) {
            List<Path> list = new ArrayList<>(files.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().endsWith(".json") || p.getFileName().toString().equals("main.parameters.json"))
                    .sorted().toList());
            list.add(Path.of("azure.yaml"));
            list.add(Path.of("pom.xml"));
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String withoutComments(Path file) {
        String text = InfraConsistencyTest.read(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xml")) {
            return text.replaceAll("(?s)<!--.*?-->", "");
        }
        if (name.endsWith(".bicep")) {
            return text.replaceAll("(?m)//.*$", "");
        }
        if (name.endsWith(".sh") || name.endsWith(".ps1") || name.endsWith(".yaml")) {
            return text.replaceAll("(?m)^\\s*#.*$", "");
        }
        return text;
    }
}
