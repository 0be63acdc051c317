package io.hermesconnect.sink.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hermesconnect.common.event.Operation;
import io.hermesconnect.testkit.UniqueNames;
import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.connect.ConnectCluster;
import io.hermesconnect.testkit.connect.TopicWriter;
import io.hermesconnect.testkit.http.RecordedRequest;
import io.hermesconnect.testkit.http.RecordingHttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector on a real Connect worker: change events from a topic arrive at the recording server as requests. */
class WebServiceSinkConnectorIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** A new topic with three versions of each user, version by version: its create, then two updates. */
    private String topicOfThreeVersions(List<String> ids) {
        String topic = UniqueNames.of("users");
        connect.createTopic(topic);
        try (TopicWriter writer = connect.writer()) {
            for (int version = 1; version <= 3; version++) {
                for (String id : ids) {
                    Struct after = version(id, version);
                    writer.sendJson(topic, UserEvents.key(after), version == 1
                            ? UserEvents.value(Operation.CREATE, null, after)
                            : UserEvents.value(Operation.UPDATE, version(id, version - 1), after));
                }
            }
        }
        return topic;
    }

    /** Version {@code version} of user {@code id}: its name says which. */
    private static Struct version(String id, int version) {
        return UserEvents.user(id, "v" + version, null, null, null);
    }

    private static List<String> users(int count) {
        return IntStream.range(0, count).mapToObj(i -> "u" + i).toList();
    }

    /** The name each request of a user's path carried, in arrival order, by path. */
    private static Map<String, List<String>> namesByPath(List<RecordedRequest> requests) {
        Map<String, List<String>> names = new TreeMap<>();
        requests.forEach(request -> names.computeIfAbsent(request.path(), path -> new ArrayList<>()).add(name(request.body())));
        return names;
    }

    private static String name(byte[] json) {
        try {
            return JSON.readTree(json).path("name").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every user's path got the names v1 to v{@code versions}, in that order, and nothing else. */
    private static Map<String, List<String>> expectedVersions(List<String> ids, int versions) {
        Map<String, List<String>> expected = new TreeMap<>();
        List<String> names = IntStream.rangeClosed(1, versions).mapToObj(version -> "v" + version).toList();
        ids.forEach(id -> expected.put("/api/users/" + id, names));
        return expected;
    }

    @Test
    void manyRequestsInFlightKeepEachObjectsOrderWhileTheServerAnswersSlowlyAndOutOfOrder() {
        List<String> ids = users(24);
        String topic = topicOfThreeVersions(ids);
        String name = UniqueNames.of("http-sink");
        for (int request = 0; request < 72; request++) {
            http.delayNext(1, Duration.ofMillis(20 + (request * 37) % 300)); // later requests often answered first
        }
        Map<String, String> config = config(topic);
        config.put("max.in.flight.requests", "16");

        connect.rest().createConnector(name, config);
        List<RecordedRequest> requests = http.awaitRequests(72, TIMEOUT);

        assertThat(namesByPath(requests)).isEqualTo(expectedVersions(ids, 3));
        assertThat(http.mostConcurrentRequests()).as("requests in flight at once").isBetween(2, 16);
        connect.rest().deleteConnector(name);
    }

    @Test
    void batchesThroughTheConnectorHoldOneEventPerObjectInOrder() {
        List<String> ids = users(10);
        String topic = topicOfThreeVersions(ids);
        String name = UniqueNames.of("http-sink");
        Map<String, String> config = config(topic);
        config.put("max.in.flight.requests", "4");
        config.put("batch.max.size", "4");
        config.put("kinds.users.batch.url", "/users/batch");
        config.put("kinds.users.batch.body", "{{ events | map(attribute='after') | list }}");

        connect.rest().createConnector(name, config);
        List<List<String>> batches = new ArrayList<>();
        Wait.until("30 events in batches", TIMEOUT, () -> {
            batches.clear();
            http.requests().forEach(request -> batches.add(entries(request)));
            return batches;
        }, all -> all.stream().mapToInt(List::size).sum() >= 30);

        assertThat(http.requests()).allSatisfy(request -> assertThat(request.path()).isEqualTo("/api/users/batch"));
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(4)
                .extracting(entry -> entry.split(":")[0]).doesNotHaveDuplicates());
        assertThat(batches).as("several events in one request").anySatisfy(batch -> assertThat(batch).hasSizeGreaterThan(1));
        List<String> arrival = batches.stream().flatMap(List::stream).toList();
        for (String id : ids) {
            assertThat(arrival).filteredOn(entry -> entry.startsWith(id + ":")).containsExactly(id + ":v1", id + ":v2", id + ":v3");
        }
        connect.rest().deleteConnector(name);
    }

    /** A batch request's entries, as "id:name". */
    private static List<String> entries(RecordedRequest request) {
        List<String> entries = new ArrayList<>();
        try {
            JSON.readTree(request.body()).forEach(user -> entries.add(user.path("id").asText() + ":" + user.path("name").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    @Test
    void aRefusedEventParksOnlyItsObjectWhileTheOthersFlowAndAppliesInOrderOnRetry() {
        // the 18 events are delivered in one batch: its run sends 16 requests, then the retry the refused object's 3
        List<String> ids = users(6);
        String topic = topicOfThreeVersions(ids);
        String name = UniqueNames.of("http-sink");
        http.respondNext(1, 422, "invalid name");
        Map<String, String> config = config(topic);
        config.put("max.in.flight.requests", "8");
        config.put("errors.queue.retry.interval.ms", "1"); // at the end of every put(), as soon as the run is done

        connect.rest().createConnector(name, config);
        List<RecordedRequest> requests = http.awaitRequests(16 + 3, TIMEOUT);

        String refused = requests.get(0).path();
        Map<String, List<String>> firstPass = namesByPath(requests.subList(0, 16));
        assertThat(firstPass.get(refused)).as("the refused object's later events wait").containsExactly("v1");
        assertThat(firstPass).as("the others flowed").hasSize(6).allSatisfy((path, names) -> {
            if (!path.equals(refused)) {
                assertThat(names).as(path).containsExactly("v1", "v2", "v3");
            }
        });
        Map<String, List<String>> expected = expectedVersions(ids, 3);
        expected.put(refused, List.of("v1", "v1", "v2", "v3"));
        assertThat(namesByPath(requests)).as("the retry applies the parked events in order").isEqualTo(expected);
        connect.rest().deleteConnector(name);
    }

    @Test
    void aServiceAnswering503WithRetryAfterIsRetriedAndNothingIsLost() {
        List<String> ids = users(8);
        String topic = topicOfThreeVersions(ids);
        String name = UniqueNames.of("http-sink");
        http.failNext(8, 503, Duration.ofSeconds(1)); // the first four requests, and their retries a second later
        Map<String, String> config = config(topic);
        config.put("max.in.flight.requests", "4");
        config.put("retry.max.attempts", "2"); // some events run out of attempts: Connect delivers them again

        connect.rest().createConnector(name, config);
        List<RecordedRequest> requests = http.awaitRequests(24 + 8, TIMEOUT);

        Map<String, List<String>> answered = namesByPath(requests.subList(8, requests.size()));
        assertThat(answered).as("past the eight 503s, each version once, in order").isEqualTo(expectedVersions(ids, 3));
        connect.rest().deleteConnector(name);
    }

    @Test
    void aTaskStartedAgainStillRecyclesAndPurgesWhatItTrashedBefore() {
        String topic = UniqueNames.of("users");
        String name = UniqueNames.of("http-sink");
        connect.createTopic(topic);
        Map<String, String> config = config(topic);
        config.put("max.in.flight.requests", "4");
        config.put("trashbin.retention.ms", "3600000");
        config.put("kinds.users.trash.method", "POST");
        config.put("kinds.users.trash.url", "/users/{{ key.id }}/trash");
        config.put("kinds.users.recycle.method", "POST");
        config.put("kinds.users.recycle.url", "/users/{{ key.id }}/restore");
        Struct ada = UserEvents.user("ada", "Ada", null, null, null);
        Struct bob = UserEvents.user("bob", "Bob", null, null, null);
        try (TopicWriter writer = connect.writer()) {
            writer.sendJson(topic, UserEvents.key(ada), UserEvents.value(Operation.CREATE, null, ada));
            writer.sendJson(topic, UserEvents.key(bob), UserEvents.value(Operation.CREATE, null, bob));
            writer.sendJson(topic, UserEvents.key(ada), UserEvents.value(Operation.DELETE, ada, null));
            writer.sendJson(topic, UserEvents.key(bob), UserEvents.value(Operation.DELETE, bob, null));
        }
        connect.rest().createConnector(name, config);
        assertThat(http.awaitRequests(4, TIMEOUT)).extracting(request -> request.method() + " " + request.path())
                .containsExactlyInAnyOrder("PUT /api/users/ada", "PUT /api/users/bob", "POST /api/users/ada/trash",
                        "POST /api/users/bob/trash");
        connect.rest().deleteConnector(name);
        Wait.until("the connector gone", TIMEOUT, () -> !connect.rest().connectors().contains(name));
        http.reset();

        try (TopicWriter writer = connect.writer()) {
            writer.sendJson(topic, UserEvents.key(ada), UserEvents.value(Operation.CREATE, null, ada));
        }
        // started again with a retention of 1 ms: its first put() recycles ada, then purges what is left
        config.put("trashbin.retention.ms", "1");
        config.put("trashbin.purge.interval.ms", "1");
        connect.rest().createConnector(name, config);

        assertThat(http.awaitRequests(2, TIMEOUT)).extracting(request -> request.method() + " " + request.path())
                .as("the new task knows what lies in the trash").containsExactly("POST /api/users/ada/restore",
                        "DELETE /api/users/bob");
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
