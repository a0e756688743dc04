package com.baselineguard.testing.arm;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails any test during which any ARM stand-in received a list-keys, regenerate-key or
 * list-connection-strings request. Registered for every test through JUnit's extension
 * auto-detection (src/test/resources/META-INF/services and junit-platform.properties), so every live
 * path of the suite is covered, not only the tests that think to check.
 */
public final class SecretOperations implements AfterEachCallback {

    private static final List<String> SEEN = new CopyOnWriteArrayList<>();

    static void record(Request request) {
        SEEN.add(request.method() + " " + request.path());
    }

    /** Every secret-reading request any stand-in received in this JVM so far. */
    public static List<String> seen() {
        return List.copyOf(SEEN);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!SEEN.isEmpty()) {
            List<String> seen = List.copyOf(SEEN);
            SEEN.clear();
            throw new AssertionError("secret-reading ARM operations were called: " + seen);
        }
    }
}
