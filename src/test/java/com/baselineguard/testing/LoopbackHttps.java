package com.baselineguard.testing;

import com.baselineguard.testing.arm.ArmStandIn;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTPS server on 127.0.0.1 and an ephemeral port with the stand-ins' test certificate, serving
 * on daemon threads: what the Key Vault and Event Grid stand-ins share.
 */
public final class LoopbackHttps implements AutoCloseable {

    private final HttpsServer server;
    private final ExecutorService threads;

    private LoopbackHttps(HttpsServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /** Starts serving every path with {@code handler}; threads are named {@code name}. */
    public static LoopbackHttps start(String name, HttpHandler handler) {
        ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(ArmStandIn.serverSslContext()));
            server.setExecutor(threads);
            server.createContext("/", handler);
            server.start();
            return new LoopbackHttps(server, threads);
        } catch (IOException e) {
            threads.shutdownNow();
            throw new UncheckedIOException("cannot start the " + name, e);
        }
    }

    /** {@code https://127.0.0.1:PORT}, no trailing slash. */
    public String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
