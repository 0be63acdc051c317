package io.hermesconnect.sink.ldap.mapping;

import io.hermesconnect.common.sink.SinkEvent;
import java.util.Set;

/**
 * Which events feed a kind: those of the listed event kinds (an event's {@code schema.table}, or the polling-diff
 * source's type name), read from any topic or, when topics are listed, from those only.
 *
 * @param eventKinds the event kinds, never empty
 * @param topics the topics, or empty for any
 */
public record KindSource(Set<String> eventKinds, Set<String> topics) {

    public KindSource {
        eventKinds = Set.copyOf(eventKinds);
        topics = Set.copyOf(topics);
    }

    /** Whether this kind applies the event. */
    public boolean feeds(SinkEvent event) {
        return eventKinds.contains(event.object().kind()) && (topics.isEmpty() || topics.contains(event.record().topic()));
    }
}
