package io.hermesconnect.source.diff.store;

/**
 * Which state topic the local copy is a copy of, and how far.
 *
 * @param topic      the topic's name
 * @param topicId    the topic's id: a topic deleted and created again under the same name has another
 * @param nextOffset the offset of the first record not yet applied
 */
record ChangelogPosition(String topic, String topicId, long nextOffset) {
}
