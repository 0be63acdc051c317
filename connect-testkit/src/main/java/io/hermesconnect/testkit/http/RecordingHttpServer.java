package io.hermesconnect.testkit.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import io.hermesconnect.testkit.Wait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 (free port) that records every request and answers {@code 200} with
 * an empty JSON object, unless told to misbehave for the next requests:
 * <pre>{@code
 * try (RecordingHttpServer http = RecordingHttpServer.start()) {
 *     http.failNext(2, 503, Duration.ofSeconds(1));     // two 503s with Retry-After: 1
 *     ... point the sink at http.url("/api/users") ...
 *     List<RecordedRequest> requests = http.awaitRequests(3, Duration.ofSeconds(30));
 * }
 * }</pre>
 * Planned answers are used in order, one per request in the order {@link #requests()} lists them, then the default
 * answer again. A delayed answer holds no
 * handler thread, so requests delayed longer than the ones after them are answered out of order.
 *
 * <p>{@link #startHttps} serves HTTPS with a fresh self-signed certificate instead, optionally requiring a client
 * certificate (mutual TLS); {@link #tls()} has the stores a client needs.
 */
public final class RecordingHttpServer implements AutoCloseable {

    private static final Response DEFAULT = new Response(200, null, Duration.ZERO, "{}");

    private final HttpServer server;
    private final TestTls tls;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    // delayed answers are sent from here, so a slow answer holds no handler thread
    private final ScheduledExecutorService delayer = Executors.newSingleThreadScheduledExecutor();
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final Queue<Response> planned = new ConcurrentLinkedQueue<>();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger mostUnanswered = new AtomicInteger();

    private RecordingHttpServer(HttpServer server, TestTls tls) {
        this.server = server;
        this.tls = tls;
    }

    public static RecordingHttpServer start() {
        try {
            return serve(HttpServer.create(loopback(), 0), null);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the HTTP server", e);
        }
    }

    /**
     * An HTTPS server with a fresh self-signed certificate for 127.0.0.1, its stores written under {@code tlsDir}.
     *
     * @param requireClientCertificate whether the server refuses clients without {@link TestTls#clientKeyStore()}'s
     *                                 certificate (mutual TLS)
     */
    public static RecordingHttpServer startHttps(Path tlsDir, boolean requireClientCertificate) {
        TestTls tls = TestTls.create(tlsDir);
        try {
            HttpsServer https = HttpsServer.create(loopback(), 0);
            https.setHttpsConfigurator(tls.serverConfigurator(requireClientCertificate));
            return serve(https, tls);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the HTTPS server", e);
        }
    }

    private static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    private static RecordingHttpServer serve(HttpServer http, TestTls tls) {
        RecordingHttpServer recording = new RecordingHttpServer(http, tls);
        http.createContext("/", recording::handle);
        http.setExecutor(recording.handlers);
        http.start();
        return recording;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>} (or https) plus {@code path} (which starts with a slash, or is empty). */
    public URI url(String path) {
        return URI.create((tls == null ? "http" : "https") + "://127.0.0.1:" + port() + path);
    }

    /** The stores of an HTTPS server's clients. */
    public TestTls tls() {
        if (tls == null) {
            throw new IllegalStateException("this server speaks plain HTTP: start it with startHttps");
        }
        return tls;
    }

    /** The next {@code count} requests get {@code status} (with a short plain-text body). */
    public void failNext(int count, int status) {
        plan(count, new Response(status, null, Duration.ZERO, "planned failure " + status));
    }

    /** The next {@code count} requests get {@code status} with a {@code Retry-After} header in seconds. */
    public void failNext(int count, int status, Duration retryAfter) {
        plan(count, new Response(status, Long.toString(retryAfter.toSeconds()), Duration.ZERO, "planned failure " + status));
    }

    /** The next {@code count} requests get {@code status} with a {@code Retry-After} header as an HTTP-date. */
    public void failNext(int count, int status, Instant retryAt) {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(retryAt.atOffset(ZoneOffset.UTC));
        plan(count, new Response(status, date, Duration.ZERO, "planned failure " + status));
    }

    /** The next {@code count} requests get {@code status} with {@code body} (JSON for a 2xx, else plain text). */
    public void respondNext(int count, int status, String body) {
        plan(count, new Response(status, null, Duration.ZERO, body));
    }

    /** The next {@code count} requests are answered normally, but only after {@code delay}. */
    public void delayNext(int count, Duration delay) {
        plan(count, new Response(DEFAULT.status(), null, delay, DEFAULT.body()));
    }

    /** A snapshot of all requests received so far, in arrival order. */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Waits until at least {@code count} requests arrived; returns all received so far. */
    public List<RecordedRequest> awaitRequests(int count, Duration timeout) {
        return Wait.until(count + " HTTP request(s) on port " + port(), timeout, this::requests,
                received -> received.size() >= count);
    }

    /** The most requests that were received and not yet answered at one time, since the start or {@link #reset}. */
    public int mostConcurrentRequests() {
        return mostUnanswered.get();
    }

    /** Forgets recorded requests, planned answers and the concurrency seen, e.g. between tests sharing the server. */
    public void reset() {
        requests.clear();
        planned.clear();
        mostUnanswered.set(unanswered.get());
    }

    @Override
    public void close() {
        server.stop(0);
        delayer.shutdownNow();
        handlers.shutdownNow();
    }

    private void plan(int count, Response response) {
        for (int i = 0; i < count; i++) {
            planned.add(response);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        mostUnanswered.accumulateAndGet(unanswered.incrementAndGet(), Math::max);
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                Collections.unmodifiableMap(headers), body);
        Response response;
        synchronized (requests) { // the n-th planned answer goes to the n-th recorded request, however they race
            requests.add(request);
            response = planned.poll();
        }
        Response answer = response == null ? DEFAULT : response;
        if (answer.delay().isZero()) {
            answer.sendQuietly(exchange, unanswered);
        } else {
            delayer.schedule(() -> answer.sendQuietly(exchange, unanswered), answer.delay().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private record Response(int status, String retryAfter, Duration delay, String body) {

        void sendTo(HttpExchange exchange) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type",
                    status / 100 == 2 ? "application/json" : "text/plain; charset=utf-8");
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length); // -1: no body, not chunked
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        /** Sends the answer and counts the request answered, even when the client gave up waiting (delays are for that). */
        void sendQuietly(HttpExchange exchange, AtomicInteger unanswered) {
            try {
                unanswered.decrementAndGet();
                sendTo(exchange);
            } catch (IOException e) {
                exchange.close();
            }
        }
    }
}
