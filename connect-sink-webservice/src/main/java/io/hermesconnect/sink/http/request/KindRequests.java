package io.hermesconnect.sink.http.request;

import io.hermesconnect.common.sink.SinkEvent;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.connect.connector.ConnectRecord;

/**
 * One kind of target object ({@code kinds.<K>.*}): which events feed it and the requests it sends.
 *
 * @param name the kind's name, {@code <K>}
 * @param sources the event kinds (tables as {@code schema.table}, or types) that feed it
 * @param topics the topics that feed it; empty for any
 * @param requests the request of each configured operation; create, update and delete are always there
 * @param batch the request of a batch of events, or null when the kind sends one request per event
 */
public record KindRequests(String name, Set<String> sources, Set<String> topics, Map<HttpOperation, RequestTemplate> requests,
                           RequestTemplate batch) {

    public KindRequests {
        sources = Set.copyOf(sources);
        topics = Set.copyOf(topics);
        requests = Map.copyOf(requests);
    }

    /** Whether this kind receives the event. */
    public boolean feeds(SinkEvent event) {
        ConnectRecord<?> record = event.record();
        return sources.contains(event.object().kind()) && (topics.isEmpty() || topics.contains(record.topic()));
    }

    /** The request of an operation, if the kind configures it. */
    public Optional<RequestTemplate> request(HttpOperation operation) {
        return Optional.ofNullable(requests.get(operation));
    }
}
