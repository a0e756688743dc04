package com.baselineguard.app;

import com.baselineguard.config.SettingsLoader;
import com.baselineguard.engine.Evaluator;
import com.baselineguard.engine.Policy;
import com.baselineguard.rules.Catalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The composition root: builds the object graph once per process from the settings. Function
 * classes take it from {@link #instance()}; the CLI and tests build their own with
 * {@link #fromEnvironment}.
 */
public final class Composition {

    private final Catalog catalog;
    private final Policy policy;
    private final Evaluator evaluator;

    private Composition(Catalog catalog, Policy policy) {
        this.catalog = catalog;
        this.policy = policy;
        this.evaluator = new Evaluator(catalog, policy);
    }

    /**
     * Builds the graph from environment variables.
     *
     * @throws com.baselineguard.config.ConfigurationException listing every invalid setting
     */
    public static Composition fromEnvironment(Map<String, String> environment) {
        Catalog catalog = Catalog.standard();
        return new Composition(catalog, SettingsLoader.load(environment, catalog));
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
        return policy;
    }

    public Evaluator evaluator() {
        return evaluator;
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
