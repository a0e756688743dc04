package com.baselineguard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering is itself a test: function and cli over app (the composition root), app over the engine
 * and the adapters, engine over rules over model. The engine owns its ports (engine.port); the adapters
 * (arm, keyvault, storage, eventgrid, identity) implement them and know nothing else of the engine, and
 * the engine imports no adapter. Rules are pure (no SDK, no I/O, no logging).
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.baselineguard");

    private static final String[] ADAPTERS = {"com.baselineguard.arm..", "com.baselineguard.keyvault..",
        "com.baselineguard.storage..", "com.baselineguard.eventgrid..", "com.baselineguard.identity.."};

    @Test
    void theLayers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Function").definedBy("com.baselineguard.function..")
                .layer("Cli").definedBy("com.baselineguard.cli..")
                .layer("App").definedBy("com.baselineguard.app..")
                .layer("Config").definedBy("com.baselineguard.config..")
                .layer("Adapters").definedBy(ADAPTERS)
                // The engine package itself; its ports are a layer of their own below it.
                .layer("Engine").definedBy("com.baselineguard.engine")
                .layer("Ports").definedBy("com.baselineguard.engine.port..")
                .layer("Event").definedBy("com.baselineguard.event..")
                .layer("Rules").definedBy("com.baselineguard.rules..")
                .layer("Model").definedBy("com.baselineguard.model..")
                .whereLayer("Function").mayNotBeAccessedByAnyLayer()
                .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("App").mayOnlyBeAccessedByLayers("Function", "Cli")
                .whereLayer("Adapters").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Config").mayOnlyBeAccessedByLayers("App", "Cli")
                .whereLayer("Engine").mayOnlyBeAccessedByLayers("Function", "Cli", "App", "Config")
                .whereLayer("Ports").mayOnlyBeAccessedByLayers("Function", "Cli", "App", "Engine", "Adapters")
                .whereLayer("Event").mayOnlyBeAccessedByLayers("Function", "Cli", "Engine")
                .whereLayer("Rules").mayOnlyBeAccessedByLayers("Cli", "App", "Config", "Engine")
                .whereLayer("Model").mayOnlyBeAccessedByLayers("Function", "Cli", "App", "Config", "Adapters", "Engine",
                        "Ports", "Event", "Rules")
                .check(CLASSES);
    }

    @Test
    void noCyclesBetweenTheTopLevelPackages() {
        slices().matching("com.baselineguard.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void modelDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("com.baselineguard.model..")
                .should().dependOnClassesThat().resideInAnyPackage("com.baselineguard.rules..", "com.baselineguard.engine..", "com.baselineguard.config..", "com.baselineguard.cli..",
                        "com.baselineguard.function..", "com.baselineguard.app..")
                .check(CLASSES);
    }

    @Test
    void rulesArePure() {
        noClasses().that().resideInAPackage("com.baselineguard.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("com.baselineguard.engine..", "com.baselineguard.config..", "com.baselineguard.cli..", "com.baselineguard.function..",
                        "com.baselineguard.app..", "com.azure..", "com.microsoft..", "java.io..", "java.nio..", "java.net.http..",
                        "java.util.logging..", "java.time..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("com.baselineguard.rules..")
                .should().accessClassesThat().haveFullyQualifiedName("java.lang.System")
                .check(CLASSES);
        // java.net.URI parses text (Key Vault key identifiers); anything that opens a connection is out.
        for (String network : new String[] {"java.net.URL", "java.net.URLConnection", "java.net.HttpURLConnection",
                "java.net.Socket", "java.net.InetAddress"}) {
            noClasses().that().resideInAPackage("com.baselineguard.rules..")
                    .should().dependOnClassesThat().haveFullyQualifiedName(network)
                    .check(CLASSES);
        }
    }

    @Test
    void eventParsingIsPure() {
        noClasses().that().resideInAPackage("com.baselineguard.event..")
                .should().dependOnClassesThat().resideInAnyPackage("com.baselineguard.rules..", "com.baselineguard.engine..",
                        "com.baselineguard.config..", "com.baselineguard.cli..", "com.baselineguard.function..",
                        "com.baselineguard.app..", "com.azure..", "com.microsoft..", "java.io..", "java.nio..", "java.net..",
                        "java.util.logging..")
                .check(CLASSES);
    }

    @Test
    void engineDoesNotKnowItsCallers() {
        noClasses().that().resideInAPackage("com.baselineguard.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("com.baselineguard.config..", "com.baselineguard.cli..", "com.baselineguard.function..", "com.baselineguard.app..",
                        "com.microsoft.azure.functions..")
                .check(CLASSES);
    }

    @Test
    void theEngineSeesArmOnlyThroughTheGatewayInterface() {
        // The interface is the engine's own (engine.port.ArmGateway): the engine imports nothing of arm/.
        noClasses().that().resideInAPackage("com.baselineguard.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("com.baselineguard.arm..", "com.azure..")
                .check(CLASSES);
    }

    @Test
    void onlyTheAzureAdaptersKnowTheAzureSdk() {
        // arm (Resource Manager), keyvault (Key Vault keys data plane), eventgrid (outcome topic), storage (fix ledger),
        // identity (the one credential factory and the HTTP client they share).
        noClasses().that().resideOutsideOfPackages(ADAPTERS)
                .should().dependOnClassesThat().resideInAnyPackage("com.azure..")
                .check(CLASSES);
        // The adapters implement the engine's ports (engine.port) and know nothing else of ours but the model.
        noClasses().that().resideInAnyPackage(ADAPTERS)
                .should().dependOnClassesThat().resideInAnyPackage("com.baselineguard.engine", "com.baselineguard.rules..",
                        "com.baselineguard.event..", "com.baselineguard.config..", "com.baselineguard.cli..",
                        "com.baselineguard.function..", "com.baselineguard.app..")
                .check(CLASSES);
    }

    @Test
    void theEngineSeesKeyVaultOnlyThroughTheGatewayInterface() {
        // Nor any other adapter: Key Vault, the fix ledger's storage, the outcome topic, the credential factory.
        noClasses().that().resideInAPackage("com.baselineguard.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
                .check(CLASSES);
    }

    @Test
    void functionsAreThinGlueOverTheCompositionRoot() {
        noClasses().that().resideInAPackage("com.baselineguard.function..")
                .should().dependOnClassesThat().resideInAnyPackage("com.baselineguard.cli..", "com.baselineguard.config..",
                        "com.baselineguard.rules..", "com.baselineguard.arm..")
                .check(CLASSES);
    }

    @Test
    void onlyTheCommandLineUsesTheCommandLineLibraryAndStandardStreams() {
        noClasses().that().resideOutsideOfPackage("com.baselineguard.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackage("com.baselineguard.cli..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .check(CLASSES);
    }

    @Test
    void onlyConfigReadsTheEnvironment() {
        // The entry points hand the process environment to config (Composition.instance, the CLI's main); every
        // variable is read there.
        noClasses().that().resideOutsideOfPackage("com.baselineguard.config..")
                .should().callMethod(System.class, "getenv", String.class)
                .check(CLASSES);
    }
}
