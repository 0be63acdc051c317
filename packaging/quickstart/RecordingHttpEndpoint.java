import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.Executors;

/**
 * The quickstart's local HTTP endpoint, the target of the web-service sink: accepts any request, answers
 * 200 with a small JSON body, and appends one JSON line per request (time, method, path with query,
 * content type, body) to a file. Run with the JDK's source launcher:
 * <pre>java RecordingHttpEndpoint.java 18080 requests.jsonl</pre>
 * {@code GET /_quickstart/requests} returns the recorded lines and {@code GET /_quickstart/health} answers
 * "ok"; neither is recorded.
 */
public final class RecordingHttpEndpoint {

    private final Path requestLog;

    private RecordingHttpEndpoint(Path requestLog) {
        this.requestLog = requestLog;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java RecordingHttpEndpoint.java <port> <request log file>");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path log = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(log.getParent());
        if (!Files.exists(log)) {
            Files.createFile(log);
        }
        RecordingHttpEndpoint endpoint = new RecordingHttpEndpoint(log);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.createContext("/", endpoint::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
        System.out.println("recording HTTP endpoint on http://localhost:" + port + "/, requests logged to " + log);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String target = query == null ? path : path + "?" + query;
            byte[] body = exchange.getRequestBody().readAllBytes();

            if ("GET".equals(method) && "/_quickstart/health".equals(path)) {
                respond(exchange, 200, "text/plain", "ok\n");
                return;
            }
            if ("GET".equals(method) && "/_quickstart/requests".equals(path)) {
                respond(exchange, 200, "application/x-ndjson", Files.readString(requestLog));
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            String line = "{\"time\":" + quote(Instant.now().toString())
                    + ",\"method\":" + quote(method)
                    + ",\"path\":" + quote(target)
                    + ",\"contentType\":" + (contentType == null ? "null" : quote(contentType))
                    + ",\"body\":" + quote(new String(body, StandardCharsets.UTF_8)) + "}";
            append(line);
            System.out.println(method + " " + target + " (" + body.length + " bytes)");
            respond(exchange, 200, "application/json", "{\"recorded\":true}");
        }
    }

    private synchronized void append(String line) throws IOException {
        try (Writer out = Files.newBufferedWriter(requestLog, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            out.write(line);
            out.write('\n');
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** A JSON string literal. */
    private static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
