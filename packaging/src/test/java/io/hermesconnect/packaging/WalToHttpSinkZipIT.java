package io.hermesconnect.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hermesconnect.testkit.UniqueNames;
import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.http.RecordedRequest;
import io.hermesconnect.testkit.http.RecordingHttpServer;
import io.hermesconnect.testkit.postgres.PostgresServer;
import io.hermesconnect.testkit.postgres.PostgresVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quickstart's inventory samples from the ZIP's {@code etc/}, pointed at the test's servers only: the WAL source's
 * change events of the sample tables become requests at the recording server, a {@code PUT} of the row by key for an
 * insert or an update and a {@code DELETE} by key for a delete, in order per row.
 */
class WalToHttpSinkZipIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PluginZipFixture zip;
    private static PostgresServer pg;
    private static RecordingHttpServer http;

    @BeforeAll
    static void start() {
        zip = PluginZipFixture.shared();
        pg = PostgresServer.shared(PostgresVersion.V17);
        http = RecordingHttpServer.start();
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void insertsUpdatesAndDeletesBecomePutsAndDeletesByKey() throws IOException {
        String db = UniqueNames.of("inventory");
        String prefix = UniqueNames.of("inventory");
        ZipPipelines.createSampleDatabase(pg, db);
        ZipPipelines.createRunning(zip, prefix, walSample(db, prefix), TIMEOUT);
        String sink = prefix + "-http";
        ZipPipelines.createRunning(zip, sink, httpSinkSample(prefix), TIMEOUT);

        Wait.untilAsserted("the snapshot's rows PUT by key", TIMEOUT, () -> assertThat(received())
                .contains("PUT /api/customers/1", "PUT /api/customers/2", "PUT /api/orders/1"));
        assertThat(body("/api/customers/1")).isEqualTo(JSON.readTree(
                "{\"email\":\"ann@example.org\",\"first_name\":\"Ann\",\"last_name\":\"Archer\"}"));
        ZipPipelines.awaitStreaming(pg, prefix, TIMEOUT);

        pg.executeIn(db, "INSERT INTO customers (email, first_name, last_name) VALUES ('cy@example.org', 'Cy', 'Cole')",
                "UPDATE customers SET last_name = 'Adams' WHERE id = 1",
                "DELETE FROM orders WHERE id = 1");
        Wait.untilAsserted("the insert, the update and the delete", TIMEOUT, () -> assertThat(received())
                .contains("PUT /api/customers/3", "DELETE /api/orders/1"));
        Wait.untilAsserted("customer 1's update", TIMEOUT, () -> assertThat(body("/api/customers/1").path("last_name").asText())
                .isEqualTo("Adams"));
        List<String> order = received().stream().filter(r -> r.endsWith(" /api/orders/1")).toList();
        assertThat(order.get(0)).as("requests of order 1: %s", order).isEqualTo("PUT /api/orders/1");
        assertThat(order.subList(1, order.size())).as("requests of order 1: %s", order).isNotEmpty()
                .allMatch(r -> r.equals("DELETE /api/orders/1"));

        zip.rest().deleteConnector(sink);
        zip.rest().deleteConnector(prefix);
    }

    /** "METHOD path" of every request received, in the order they arrived. */
    private static List<String> received() {
        return http.requests().stream().map(request -> request.method() + " " + request.path()).toList();
    }

    /** The body of the last request to {@code path}, as JSON. */
    private static JsonNode body(String path) {
        List<RecordedRequest> requests = http.requests().stream().filter(r -> r.path().equals(path)).toList();
        try {
            return JSON.readTree(requests.get(requests.size() - 1).bodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException("the body of the last request to " + path + " is no JSON", e);
        }
    }

    private static Map<String, String> walSample(String db, String prefix) {
        Map<String, String> config = SampleConnectorConfig.read(zip, "10-inventory-wal.json");
        config.putAll(ZipPipelines.walConnection(pg, db, prefix));
        return config;
    }

    private static Map<String, String> httpSinkSample(String prefix) {
        Map<String, String> config = SampleConnectorConfig.read(zip, "40-http-sink.json");
        config.put("topics", prefix + ".public.customers," + prefix + ".public.orders");
        config.put("errors.queue.kafka.bootstrap.servers", zip.connect().bootstrapServers());
        config.put("base.url", http.url("/api").toString());
        return config;
    }
}
