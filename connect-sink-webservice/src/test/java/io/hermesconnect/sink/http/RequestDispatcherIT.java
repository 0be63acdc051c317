package io.hermesconnect.sink.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hermesconnect.common.sink.EventOutcome;
import io.hermesconnect.common.sink.EventOutcome.Status;
import io.hermesconnect.common.sink.SinkEvent;
import io.hermesconnect.common.sink.StepProgress;
import io.hermesconnect.common.sink.TargetCall;
import io.hermesconnect.sink.http.config.WebServiceSinkConfig;
import io.hermesconnect.sink.http.metrics.WebServiceSinkMetrics;
import io.hermesconnect.testkit.http.RecordedRequest;
import io.hermesconnect.testkit.http.RecordingHttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dispatcher against a real local HTTP server that answers slowly and out of order. */
class RequestDispatcherIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private RecordingHttpServer http;

    @BeforeEach
    void resetServer() {
        http = SinkHttpServer.reset();
    }

    /** A target that sends each request once. */
    private WebServiceTarget target(String... keysAndValues) {
        Map<String, String> props = SinkHttpServer.usersConfig(http, "retry.max.attempts", "1");
        props.putAll(SinkHttpServer.usersConfig(http, keysAndValues));
        return WebServiceTarget.open(new WebServiceSinkConfig(props), new WebServiceSinkMetrics(), new TrashLedger(TrashStore.NONE));
    }

    /** Version {@code version} of user {@code id}: its name says which. */
    private static SinkEvent version(String id, int version) {
        return UserEvents.create(UserEvents.user(id, "v" + version, null, null, null));
    }

    /** Calls of the events from their first step. */
    private static List<TargetCall> calls(List<SinkEvent> events) {
        return events.stream().map(event -> new TargetCall(event, new StepProgress())).toList();
    }

    private static JsonNode body(RecordedRequest request) {
        try {
            return JSON.readTree(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names each user's requests carried, in arrival order, by path. */
    private static Map<String, List<String>> namesByPath(List<RecordedRequest> requests) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        requests.forEach(request -> names.computeIfAbsent(request.path(), path -> new ArrayList<>()).add(body(request).get("name").asText()));
        return names;
    }

    @Test
    void eachObjectsEventsArriveInOrderWhileASlowAnswerHoldsOnlyItsOwnObject() {
        List<SinkEvent> events = new ArrayList<>();
        for (int version = 1; version <= 3; version++) {
            for (String id : List.of("a", "b", "c", "d")) {
                events.add(version(id, version));
            }
        }
        // the first request to arrive, one of the four objects' first; 3 s covers the nine others on a loaded machine
        http.delayNext(1, Duration.ofSeconds(3));

        List<EventOutcome> outcomes = new RequestDispatcher(target(), 4, 1).dispatch(calls(events));

        assertThat(outcomes).extracting(EventOutcome::status).containsOnly(Status.DONE);
        List<RecordedRequest> requests = http.requests();
        assertThat(namesByPath(requests)).containsOnlyKeys("/api/users/a", "/api/users/b", "/api/users/c", "/api/users/d")
                .allSatisfy((path, names) -> assertThat(names).as(path).containsExactly("v1", "v2", "v3"));
        String slow = requests.get(0).path();
        int secondOfSlow = requests.stream().filter(r -> r.path().equals(slow)).skip(1).findFirst().map(requests::indexOf).orElseThrow();
        assertThat(secondOfSlow).as("the other objects went on while " + slow + " waited").isEqualTo(requests.size() - 2);
        assertThat(http.mostConcurrentRequests()).isBetween(2, 4);
    }

    @Test
    void inFlightRequestsStayWithinTheBound() {
        List<SinkEvent> events = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            events.add(version("u" + i, 1));
        }
        http.delayNext(8, Duration.ofMillis(200));

        List<EventOutcome> outcomes = new RequestDispatcher(target(), 3, 1).dispatch(calls(events));

        assertThat(outcomes).extracting(EventOutcome::status).containsOnly(Status.DONE);
        assertThat(http.requests()).hasSize(8);
        assertThat(http.mostConcurrentRequests()).isEqualTo(3);
    }

    @Test
    void batchesHoldOneEventPerObjectAndKeepEachObjectsOrder() {
        WebServiceTarget target = target("kinds.users.batch.url", "/users/batch",
                "kinds.users.batch.body", "{{ events | map(attribute='after') | list }}");
        List<SinkEvent> events = List.of(version("a", 1), version("b", 1), version("c", 1), version("d", 1), version("a", 2),
                version("b", 2), version("e", 1));
        http.delayNext(1, Duration.ofMillis(300)); // the first batch, so that the second overtakes it

        List<EventOutcome> outcomes = new RequestDispatcher(target, 2, 3).dispatch(calls(events));

        assertThat(outcomes).extracting(EventOutcome::status).containsOnly(Status.DONE);
        List<List<String>> batches = new ArrayList<>();
        for (RecordedRequest request : http.requests()) {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/api/users/batch");
            List<String> batch = new ArrayList<>();
            body(request).forEach(user -> batch.add(user.get("id").asText() + user.get("name").asText()));
            batches.add(batch);
        }
        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(3)
                .extracting(entry -> entry.substring(0, 1)).doesNotHaveDuplicates());
        assertThat(batches.stream().flatMap(List::stream).toList())
                .containsExactlyInAnyOrder("av1", "bv1", "cv1", "dv1", "av2", "bv2", "ev1");
        List<String> arrival = batches.stream().flatMap(List::stream).toList();
        assertThat(arrival.indexOf("av1")).isLessThan(arrival.indexOf("av2"));
        assertThat(arrival.indexOf("bv1")).isLessThan(arrival.indexOf("bv2"));
    }

    @Test
    void aRefusedEventHoldsBackItsObjectOnlyAndAnUnavailableServiceStopsTheRest() {
        http.respondNext(1, 422, "invalid");
        List<EventOutcome> refused = new RequestDispatcher(target(), 1, 1)
                .dispatch(calls(List.of(version("a", 1), version("a", 2), version("b", 1))));
        assertThat(refused).extracting(EventOutcome::status).containsExactly(Status.REFUSED, Status.NOT_SENT, Status.DONE);
        assertThat(refused.get(0).failure()).hasMessageContaining("HTTP 422");
        assertThat(http.requests()).hasSize(2);

        http.reset();
        http.failNext(1, 503);
        List<EventOutcome> unavailable = new RequestDispatcher(target(), 1, 1)
                .dispatch(calls(List.of(version("a", 1), version("b", 1), version("c", 1))));
        assertThat(unavailable).extracting(EventOutcome::status).containsExactly(Status.UNAVAILABLE, Status.NOT_SENT, Status.NOT_SENT);
        assertThat(http.requests()).hasSize(1);
    }
}
