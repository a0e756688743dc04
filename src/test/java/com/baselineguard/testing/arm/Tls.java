package com.baselineguard.testing.arm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The test-only TLS material in {@code src/test/resources/tls} (see its README.md). */
public final class Tls {

    private static final char[] PASSWORD = "changeit".toCharArray();

    private Tls() {
    }

    /** Serves the self-signed localhost / 127.0.0.1 certificate. */
    public static SSLContext serverContext() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load("/tls/arm-stand-in-keystore.p12"), PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the stand-in's server TLS context", e);
        }
    }

    /** Trusts exactly the stand-in's certificate. */
    static SSLContext clientContext() {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load("/tls/arm-stand-in-truststore.p12"));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context trusting the stand-in", e);
        }
    }

    private static KeyStore load(String resource) throws GeneralSecurityException {
        try (InputStream in = Tls.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
