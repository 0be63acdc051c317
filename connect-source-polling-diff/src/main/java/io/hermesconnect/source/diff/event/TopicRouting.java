package io.hermesconnect.source.diff.event;

import io.hermesconnect.common.config.EnumChoice;

/** Where a type's events go ({@code topic.routing}: {@code single} or {@code per-type}, as the WAL source's {@code per-table}). */
public enum TopicRouting implements EnumChoice.Hyphenated {
    /** Every type to one single-partition topic named {@code topic.prefix}: a sink sees the poll's order across types. */
    SINGLE,
    /** Each type to its own topic {@code <topic.prefix>.<type>}: order holds within a type only. */
    PER_TYPE;

    /** The topic of a type's events. */
    public String topic(String topicPrefix, String type) {
        return this == SINGLE ? topicPrefix : topicPrefix + "." + type;
    }
}
