package com.baselineguard.app;

import com.baselineguard.arm.ArmConnection;
import com.baselineguard.arm.PacedArmGateway;
import com.baselineguard.arm.WritePacer;
import com.baselineguard.config.AzureSettings;
import com.baselineguard.config.Settings;
import com.baselineguard.config.SettingsLoader;
import com.baselineguard.engine.Evaluator;
import com.baselineguard.engine.Policy;
import com.baselineguard.engine.Remediator;
import com.baselineguard.engine.Sweeper;
import com.baselineguard.engine.port.ArmGateway;
import com.baselineguard.engine.port.FixLedger;
import com.baselineguard.engine.port.KeyVaultGateway;
import com.baselineguard.engine.port.OutcomeSink;
import com.baselineguard.eventgrid.EventGridOutcomeSink;
import com.baselineguard.identity.Credentials;
import com.baselineguard.keyvault.KeyVaultConnection;
import com.baselineguard.rules.Catalog;
import com.baselineguard.storage.InMemoryFixLedger;
import com.baselineguard.storage.TableFixLedger;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The composition root: builds the object graph once per process from the settings. Function
 * classes take it from {@link #instance()}; the CLI and tests build their own with
 * {@link #fromEnvironment} or {@link #withGateway}. Everything that talks to Azure (the Azure settings,
 * the credential, the ARM pipeline, the Key Vault client, the fix ledger's table, the outcome topic) is
 * built on first use, so offline evaluation never touches Azure or its SDK.
 */
public final class Composition {

    private final Catalog catalog;
    private final Settings settings;
    private final Evaluator evaluator;
    private final Map<String, String> environment;
    /** Gateways a test gives instead of connecting. */
    private final Optional<ArmGateway> givenArm;
    private final Optional<KeyVaultGateway> givenKeyVault;
    private final Clock clock;
    private volatile AzureSettings azure;
    private volatile ArmGateway armGateway;
    private volatile Remediator remediator;
    private volatile OutcomeSink outcomeSink;

    private Composition(Catalog catalog, Settings settings, Map<String, String> environment,
            Optional<ArmGateway> givenArm, Optional<KeyVaultGateway> givenKeyVault, Clock clock) {
        this.catalog = catalog;
        this.settings = settings;
        this.evaluator = new Evaluator(catalog, settings.policy());
        this.environment = Map.copyOf(environment);
        this.givenArm = givenArm;
        this.givenKeyVault = givenKeyVault;
        this.clock = clock;
    }

    /**
     * Builds the graph from environment variables; the gateway connects with the environment's
     * cloud, endpoint and credentials when first needed, and paces its writes per subscription
     * ({@code BG_WRITES_PER_SECOND}).
     *
     * @throws com.baselineguard.config.ConfigurationException listing every invalid setting
     */
    public static Composition fromEnvironment(Map<String, String> environment) {
        Catalog catalog = Catalog.standard();
        return new Composition(catalog, SettingsLoader.settings(environment, catalog), environment, Optional.empty(),
                Optional.empty(), Clock.systemUTC());
    }

    /** As {@link #fromEnvironment}, with a given gateway and clock (tests); no Key Vault data plane. */
    public static Composition withGateway(Map<String, String> environment, ArmGateway gateway, Clock clock) {
        return withGateways(environment, gateway,
                KeyVaultGateway.unavailable("no Key Vault gateway in this composition"), clock);
    }

    /** As {@link #fromEnvironment}, with given gateways and clock (tests). */
    public static Composition withGateways(Map<String, String> environment, ArmGateway gateway,
            KeyVaultGateway keyVault, Clock clock) {
        Catalog catalog = Catalog.standard();
        return new Composition(catalog, SettingsLoader.settings(environment, catalog), environment, Optional.of(gateway),
                Optional.of(keyVault), clock);
    }

    /** The process-wide graph, built from the process environment on first use. */
    public static Composition instance() {
        return Holder.INSTANCE;
    }

    private static final class Holder {
        private static final Composition INSTANCE = fromEnvironment(System.getenv());
    }

    public Catalog catalog() {
        return catalog;
    }

    public Policy policy() {
        return settings.policy();
    }

    public Evaluator evaluator() {
        return evaluator;
    }

    /**
     * How this graph connects to Azure, read and validated on first use.
     *
     * @throws com.baselineguard.config.ConfigurationException listing every invalid Azure setting
     */
    private AzureSettings azure() {
        AzureSettings current = azure;
        if (current == null) {
            current = AzureSettings.read(environment);
            azure = current;
        }
        return current;
    }

    /** The one credential factory, for the environment's identity. */
    private Credentials credentials() {
        return Credentials.of(azure().managedIdentityEndpoint(), azure().sdkEnvironment());
    }

    /**
     * The ARM gateway of this graph (credential, HTTP pipeline, write pacing), built on first call: the
     * remediator and the sweep share it.
     */
    public ArmGateway armGateway() {
        ArmGateway current = armGateway;
        if (current == null) {
            synchronized (this) {
                if (armGateway == null) {
                    armGateway = givenArm.orElseGet(() -> new PacedArmGateway(ArmConnection.gateway(azure().cloud(),
                            azure().resourceManagerEndpoint(), azure().resourceManagerAudience(),
                            credentials().forClient(azure().clientId())),
                            WritePacer.perSecond(settings.remediation().writesPerSecond())));
                }
                current = armGateway;
            }
        }
        return current;
    }

    /** The live remediation engine; connects to ARM on first call. */
    public Remediator remediator() {
        Remediator current = remediator;
        if (current == null) {
            ArmGateway gateway = armGateway();
            synchronized (this) {
                if (remediator == null) {
                    KeyVaultGateway keyVault = givenKeyVault.orElseGet(() -> KeyVaultConnection.gateway(azure().cloud(),
                            azure().keyVaultDnsSuffix(), credentials().forClient(azure().clientId())));
                    remediator = new Remediator(evaluator, catalog, gateway, keyVault, clock, settings.remediation(),
                            fixLedger(), Remediator.INVOCATION_BUDGET);
                }
                current = remediator;
            }
        }
        return current;
    }

    /**
     * Where outcome records are published besides the log: the Event Grid topic of
     * {@code BG_OUTCOME_TOPIC_ENDPOINT} with the managed identity, or nowhere. Built on first use.
     */
    public OutcomeSink outcomeSink() {
        OutcomeSink current = outcomeSink;
        if (current == null) {
            synchronized (this) {
                if (outcomeSink == null) {
                    outcomeSink = settings.outcomeTopicEndpoint()
                            .<OutcomeSink>map(endpoint -> EventGridOutcomeSink.create(endpoint,
                                    credentials().forClient(azure().clientId())))
                            .orElse(OutcomeSink.NONE);
                }
                current = outcomeSink;
            }
        }
        return current;
    }

    /**
     * The loop and fight guard's fix history: durable in the app's storage account when
     * {@code AzureWebJobsStorage__tableServiceUri} is set (the Functions app), reached with the identity
     * the Functions host uses for that account; else in memory (the command line, tests).
     */
    private FixLedger fixLedger() {
        return azure().tableServiceUri().<FixLedger>map(endpoint -> TableFixLedger.create(endpoint,
                credentials().forClient(azure().storageClientId()))).orElseGet(InMemoryFixLedger::new);
    }

    /** The sweep over Resource Graph; connects to ARM on first call. */
    public Sweeper sweeper() {
        return new Sweeper(evaluator, catalog, armGateway(), remediator(), clock);
    }

    /**
     * The client id of Baseline Guard's own managed identity ({@code AZURE_CLIENT_ID}), to recognise
     * the events its own writes raise.
     */
    public Optional<String> ownClientId() {
        return azure().clientId();
    }

    public Clock clock() {
        return clock;
    }

    /** The version Maven built, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = Composition.class.getResourceAsStream("/baseline-guard.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "dev");
    }
}
