package com.baselineguard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering is itself a test: function -> app -> engine -> rules -> model, config beside the
 * engine, cli over the same code. Rules are pure (no SDK, no I/O, no logging).
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.baselineguard");

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
        noClasses().that().resideInAPackage("com.baselineguard.engine..")
                .should().dependOnClassesThat().haveFullyQualifiedName("com.baselineguard.arm.SdkArmGateway")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("com.baselineguard.arm.ArmConnection")
                .orShould().dependOnClassesThat().resideInAnyPackage("com.azure..")
                .check(CLASSES);
    }

    @Test
    void onlyTheAzureAdaptersKnowTheAzureSdk() {
        // arm (Resource Manager), keyvault (Key Vault keys data plane), eventgrid (outcome topic), storage (fix ledger),
        // identity (the one credential factory and the HTTP client they share).
        noClasses().that().resideOutsideOfPackages("com.baselineguard.arm..", "com.baselineguard.keyvault..",
                        "com.baselineguard.eventgrid..", "com.baselineguard.storage..", "com.baselineguard.identity..")
                .should().dependOnClassesThat().resideInAnyPackage("com.azure..")
                .check(CLASSES);
        // The adapters implement the engine's ports (engine.port) and know nothing else of the engine.
        for (String adapter : new String[] {"com.baselineguard.arm..", "com.baselineguard.keyvault..",
                "com.baselineguard.storage..", "com.baselineguard.eventgrid.."}) {
            noClasses().that().resideInAPackage(adapter)
                    .should().dependOnClassesThat().resideInAnyPackage("com.baselineguard.engine", "com.baselineguard.rules..",
                            "com.baselineguard.config..", "com.baselineguard.cli..", "com.baselineguard.function..",
                            "com.baselineguard.app..")
                    .check(CLASSES);
        }
        // The outcome publisher implements the engine's OutcomeSink and knows nothing else of ours.
        noClasses().that().resideInAPackage("com.baselineguard.eventgrid..")
                .should().dependOnClassesThat().resideInAnyPackage("com.baselineguard.engine", "com.baselineguard.rules..",
                        "com.baselineguard.config..", "com.baselineguard.cli..", "com.baselineguard.function..",
                        "com.baselineguard.app..", "com.baselineguard.arm..")
                .check(CLASSES);
    }

    @Test
    void theEngineSeesKeyVaultOnlyThroughTheGatewayInterface() {
        noClasses().that().resideInAPackage("com.baselineguard.engine..")
                .should().dependOnClassesThat().haveFullyQualifiedName("com.baselineguard.keyvault.SdkKeyVaultGateway")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("com.baselineguard.keyvault.KeyVaultConnection")
                .orShould().dependOnClassesThat().resideInAPackage("com.baselineguard.eventgrid..")
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
}
