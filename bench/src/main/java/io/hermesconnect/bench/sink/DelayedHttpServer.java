package io.hermesconnect.bench.sink;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local web service that reads each request, takes {@link #delayMs(int) a set time} to answer and answers 204,
 * with a thread per request in flight so that concurrent requests wait side by side. It counts what it answered.
 *
 * <p>The JDK's server writes the status line and headers in one segment and nothing else for a 204; with
 * {@code sun.net.httpserver.nodelay} set (before the first server is created, see {@link #start}) no segment waits
 * for the client's delayed ACK (up to 40 ms on Linux), which would otherwise set every answer's time.
 */
final class DelayedHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicLong answered = new AtomicLong();

    private volatile int delayMs;

    private DelayedHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.createContext("/", exchange -> {
            try (exchange; InputStream body = exchange.getRequestBody()) {
                body.transferTo(OutputStream.nullOutputStream());
                if (delayMs > 0) {
                    Thread.sleep(delayMs); // the service's own work, the figure under test
                }
                exchange.sendResponseHeaders(204, -1);
                answered.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(threads);
        server.start();
    }

    static DelayedHttpServer start() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            return new DelayedHttpServer();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the local HTTP server", e);
        }
    }

    /** How long each answer takes from now on. */
    void delayMs(int delayMs) {
        this.delayMs = delayMs;
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    long answered() {
        return answered.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
