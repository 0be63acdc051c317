package io.hermesconnect.sink.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hermesconnect.common.event.Operation;
import io.hermesconnect.testkit.UniqueNames;
import io.hermesconnect.testkit.connect.ConnectCluster;
import io.hermesconnect.testkit.connect.TopicWriter;
import io.hermesconnect.testkit.http.RecordedRequest;
import io.hermesconnect.testkit.http.RecordingHttpServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector on a real Connect worker: change events from a topic arrive at the recording server as requests. */
class WebServiceSinkConnectorIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ConnectCluster connect = ConnectCluster.shared();
    private RecordingHttpServer http;

    @BeforeEach
    void resetServer() {
        http = SinkHttpServer.reset();
    }

    private Map<String, String> config(String topic) {
        Map<String, String> config = new HashMap<>(SinkHttpServer.usersConfig(http));
        config.put("connector.class", WebServiceSinkConnector.class.getName());
        config.put("tasks.max", "1");
        config.put("topics", topic);
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("errors.queue.kafka.bootstrap.servers", connect.bootstrapServers());
        return config;
    }

    @Test
    void changeEventsBecomeRequestsInOrderPerObject() {
        String topic = UniqueNames.of("users");
        String name = UniqueNames.of("http-sink");
        connect.createTopic(topic);
        Struct ada = UserEvents.user("ada", "Ada", List.of("admins"), null, null);
        Struct adaKing = UserEvents.user("ada", "Ada King", List.of("admins"), null, null);
        Struct bob = UserEvents.user("bob", "Bob", null, null, null);
        try (TopicWriter writer = connect.writer()) {
            writer.sendJson(topic, UserEvents.key(ada), UserEvents.value(Operation.CREATE, null, ada));
            writer.sendJson(topic, UserEvents.key(bob), UserEvents.value(Operation.CREATE, null, bob));
            writer.sendJson(topic, UserEvents.key(ada), UserEvents.value(Operation.UPDATE, ada, adaKing));
            writer.sendJson(topic, UserEvents.key(ada), UserEvents.value(Operation.DELETE, adaKing, null));
            writer.send(topic, tombstoneKey(topic, ada), null);
        }

        connect.rest().createConnector(name, config(topic));
        List<RecordedRequest> requests = http.awaitRequests(5, TIMEOUT);

        List<String> adaRequests = new ArrayList<>();
        requests.stream().filter(request -> request.path().equals("/api/users/ada"))
                .forEach(request -> adaRequests.add(request.method() + " " + request.bodyAsString()));
        assertThat(adaRequests).hasSize(4);
        assertThat(adaRequests.get(0)).startsWith("PUT ").contains("\"name\":\"Ada\"");
        assertThat(adaRequests.get(1)).startsWith("PUT ").contains("\"name\":\"Ada King\"");
        assertThat(adaRequests.subList(2, 4)).containsExactly("DELETE ", "DELETE ");
        assertThat(requests).filteredOn(request -> request.path().equals("/api/users/bob")).hasSize(1);
        connect.rest().deleteConnector(name);
    }

    /** The key of a tombstone, as the JSON converter writes keys. */
    private static byte[] tombstoneKey(String topic, Struct row) {
        try (JsonConverter keys = new JsonConverter()) {
            keys.configure(Map.of("schemas.enable", "true"), true);
            return keys.fromConnectData(topic, UserEvents.key(row).schema(), UserEvents.key(row).value());
        }
    }

    @Test
    void validateReportsProblemsOnTheirKeys() {
        Map<String, String> config = config("unused");
        config.put("name", UniqueNames.of("http-sink"));
        config.put("kinds.users.update.body", "{{ after | no_such_filter }}");
        config.put("auth.type", "bearer");

        JsonNode result = connect.rest().validate(WebServiceSinkConnector.class.getName(), config);

        Map<String, String> errors = new HashMap<>();
        result.path("configs").forEach(entry -> {
            JsonNode value = entry.path("value");
            if (value.path("errors").size() > 0) {
                errors.put(value.path("name").asText(), value.path("errors").get(0).asText());
            }
        });
        assertThat(errors).containsOnlyKeys("kinds.users.update.body", "auth.bearer.token");
        assertThat(result.path("configs").findValuesAsText("name")).contains("base.url", "errors.queue.retry.interval.ms");
    }
}
