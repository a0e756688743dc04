package com.baselineguard.testing.arm;

import com.microsoft.aad.msal4j.ManagedIdentityApplication;
import com.microsoft.aad.msal4j.TokenCache;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Points azure-identity's {@code ManagedIdentityCredential} at a stand-in's identity endpoint for
 * the duration of a test.
 *
 * <p>Why this exists: since azure-identity 1.12 the credential delegates managed identity to MSAL
 * ({@code com.microsoft.aad.msal4j.ManagedIdentityApplication}), and MSAL picks the App Service
 * source by reading {@code IDENTITY_ENDPOINT} / {@code IDENTITY_HEADER} with
 * {@code System.getenv}. A {@code com.azure.core.util.Configuration} given to the credential
 * builder does not reach it (checked on azure-identity 1.18.4 / msal4j 1.23.1), and a JVM cannot
 * set its own environment. MSAL reads the environment through a replaceable, package-private
 * {@code IEnvironmentVariables} hook; this class installs one that answers the stand-in's values
 * and falls back to the real environment, and removes it on {@link #close()}.
 *
 * <p>MSAL also keeps one managed-identity token cache for the whole JVM
 * ({@code ManagedIdentityApplication.getSharedTokenCache()}), keyed by identity and resource but not by
 * endpoint: a token one stand-in issued for {@code https://127.0.0.1:PORT} was served, without asking, to a
 * later stand-in that got the same ephemeral port, which refused it with 401 ("not issued by this stand-in").
 * So this class empties that cache whenever it points MSAL at a stand-in and when it lets go: every token a
 * test's code holds was issued by the stand-in that test started ({@code ManagedIdentityEnvironmentTest}).
 *
 * <p>Production code needs none of this: on Azure Functions the platform sets the variables.
 * The hook is JVM-wide, so tests that use it must not run concurrently with other managed-identity tests.
 */
public final class ManagedIdentityEnvironment implements AutoCloseable {

    private static final String APPLICATION = "com.microsoft.aad.msal4j.ManagedIdentityApplication";
    private static final String VARIABLES = "com.microsoft.aad.msal4j.IEnvironmentVariables";

    private ManagedIdentityEnvironment(Map<String, String> variables) {
        install(variables);
    }

    /** MSAL sees {@code IDENTITY_ENDPOINT} and {@code IDENTITY_HEADER} of this stand-in until closed. */
    public static ManagedIdentityEnvironment of(ArmStandIn standIn) {
        return new ManagedIdentityEnvironment(Map.of(
                "IDENTITY_ENDPOINT", standIn.identityEndpoint(),
                "IDENTITY_HEADER", standIn.identityHeader()));
    }

    @Override
    public void close() {
        install(null);
    }

    private static void install(Map<String, String> variables) {
        forgetCachedTokens();
        try {
            Class<?> application = Class.forName(APPLICATION);
            Class<?> hook = Class.forName(VARIABLES);
            Object environment = variables == null ? null : Proxy.newProxyInstance(hook.getClassLoader(),
                    new Class<?>[] {hook}, (proxy, method, args) -> switch (method.getName()) {
                        case "getEnvironmentVariable" -> variables.getOrDefault((String) args[0],
                                System.getenv((String) args[0]));
                        case "toString" -> "stand-in environment " + variables.keySet();
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
            Method setter = application.getDeclaredMethod("setEnvironmentVariables", hook);
            setter.setAccessible(true);
            setter.invoke(null, environment);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("msal4j no longer has the IEnvironmentVariables hook this test relies on", e);
        }
    }

    /** Empties MSAL's JVM-wide managed-identity token cache (its access tokens; managed identity keeps no other kind). */
    private static void forgetCachedTokens() {
        TokenCache cache = ManagedIdentityApplication.getSharedTokenCache();
        try {
            Field accessTokens = TokenCache.class.getDeclaredField("accessTokens");
            accessTokens.setAccessible(true);
            ((Map<?, ?>) accessTokens.get(cache)).clear();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("msal4j's TokenCache no longer has the accessTokens map this test empties", e);
        }
    }
}
