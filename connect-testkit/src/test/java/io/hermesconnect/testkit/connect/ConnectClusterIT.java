package io.hermesconnect.testkit.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hermesconnect.testkit.UniqueNames;
import io.hermesconnect.testkit.Wait;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

class ConnectClusterIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final ConnectCluster connect = ConnectCluster.shared();

    @Test
    void listsConnectorsTransformsAndPredicatesOfTheClassPath() {
        List<String> classes = connect.rest().plugins().stream().map(p -> p.path("class").asText()).toList();

        assertThat(classes).contains(
                CountingSourceConnector.class.getName(),
                "org.apache.kafka.connect.transforms.InsertField$Value",
                "org.apache.kafka.connect.transforms.predicates.TopicNameMatches",
                "org.apache.kafka.connect.json.JsonConverter");
    }

    @Test
    void validatesConnectorConfig() {
        JsonNode result = connect.rest().validate(CountingSourceConnector.class.getName(),
                Map.of("connector.class", CountingSourceConnector.class.getName(), "count", "not-a-number"));

        assertThat(result.path("error_count").asInt()).isGreaterThanOrEqualTo(2); // topic missing, count invalid
        assertThat(result.toString()).contains("not-a-number");
    }

    @Test
    void runsAConnectorAndReadsItsRecordsAsConnectData() {
        String name = UniqueNames.of("counting");
        String topic = UniqueNames.of("items");
        connect.rest().createConnector(name, countingConfig(topic, 5, false));

        JsonNode status = connect.rest().awaitRunning(name, 1, TIMEOUT);
        try (TopicReader reader = connect.reader(topic)) {
            List<SchemaAndValue> values = reader.awaitValues(5, TIMEOUT);

            assertThat(status.path("tasks")).hasSize(1);
            assertThat(values).extracting(v -> ((Struct) v.value()).getInt64("id")).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(values.get(0).schema().field("name").schema()).isEqualTo(Schema.STRING_SCHEMA);
            assertThat(reader.key(reader.records().get(0)).value()).isEqualTo("1");
        }
        connect.rest().deleteConnector(name);
        Wait.until("connector " + name + " gone", TIMEOUT, () -> !connect.rest().connectors().contains(name));
    }

    @Test
    void reportsAFailedTaskWithItsTrace() {
        String name = UniqueNames.of("failing");
        connect.rest().putConnectorConfig(name, countingConfig(UniqueNames.of("unused"), 1, true));

        assertThatThrownBy(() -> connect.rest().awaitRunning(name, 1, TIMEOUT))
                .hasMessageContaining("FAILED").hasMessageContaining("failing on start as configured");
        JsonNode status = connect.rest().awaitFailed(name, TIMEOUT);
        assertThat(status.path("tasks").get(0).path("trace").asText()).contains("ConnectException");
        connect.rest().deleteConnector(name);
    }

    @Test
    void acceptsConnectorConfigAsHandWrittenJson() {
        String name = UniqueNames.of("json");
        String topic = UniqueNames.of("items");
        connect.rest().putConnectorConfig(name, """
                {"connector.class": "%s", "topic": "%s", "count": "2"}
                """.formatted(CountingSourceConnector.class.getName(), topic));

        connect.rest().awaitRunning(name, 1, TIMEOUT);
        try (TopicReader reader = connect.reader(topic)) {
            // the worker's default converter is StringConverter: Struct.toString() text
            assertThat(new String(reader.awaitCount(2, TIMEOUT).get(1).value(), StandardCharsets.UTF_8)).contains("item-2");
        }
        assertThat(connect.rest().request("DELETE", "connectors/" + name, null).status()).isEqualTo(204);
        assertThat(connect.rest().request("GET", "connectors/" + name, null).status()).isEqualTo(404);
    }

    @Test
    void roundTripsRecordsThroughATopic() {
        String topic = UniqueNames.of("roundtrip");
        connect.createTopic(topic, 2);
        Schema schema = CountingSourceTask.VALUE_SCHEMA;
        try (TopicWriter writer = connect.writer(); TopicReader reader = connect.reader(topic)) {
            writer.send(topic, "k1", "plain text");
            writer.sendJson(topic, new SchemaAndValue(Schema.STRING_SCHEMA, "k2"),
                    new SchemaAndValue(schema, new Struct(schema).put("id", 7L).put("name", "seven")));

            ConsumerRecord<byte[], byte[]> json = reader.awaitRecord("the JSON record",
                    r -> new String(r.key(), StandardCharsets.UTF_8).contains("\"payload\":\"k2\""), TIMEOUT);
            List<ConsumerRecord<byte[], byte[]>> all = reader.awaitCount(2, TIMEOUT);

            assertThat(all).hasSize(2);
            assertThat(reader.key(json).value()).isEqualTo("k2");
            assertThat(((Struct) reader.value(json).value()).getString("name")).isEqualTo("seven");
            assertThat(all).anySatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("plain text"));
        }
    }

    private static Map<String, String> countingConfig(String topic, int count, boolean failOnStart) {
        return Map.of(
                "connector.class", CountingSourceConnector.class.getName(),
                "tasks.max", "1",
                "topic", topic,
                "count", Integer.toString(count),
                "fail.on.start", Boolean.toString(failOnStart),
                "key.converter", "org.apache.kafka.connect.json.JsonConverter",
                "value.converter", "org.apache.kafka.connect.json.JsonConverter");
    }
}
