package io.hermesconnect.testkit.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A cluster of its own, for worker settings the shared one does not have. */
class PrivateConnectClusterIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void runsExactlyOnceSourceTasksOnTwoWorkers() {
        try (ConnectCluster connect = ConnectCluster.builder()
                .workers(2)
                .workerProp("exactly.once.source.support", "enabled")
                .start()) {
            connect.rest().createConnector("eos", Map.of(
                    "connector.class", CountingSourceConnector.class.getName(),
                    "topic", "eos-items",
                    "count", "4",
                    "exactly.once.support", "required",
                    "value.converter", "org.apache.kafka.connect.json.JsonConverter"));

            JsonNode status = connect.rest().awaitRunning("eos", 1, TIMEOUT);
            try (TopicReader reader = connect.reader("eos-items")) {
                assertThat(reader.awaitValues(4, TIMEOUT)).hasSize(4);
            }
            assertThat(connect.embedded().workers()).hasSize(2);
            assertThat(status.path("connector").path("state").asText()).isEqualTo("RUNNING");
        }
    }
}
