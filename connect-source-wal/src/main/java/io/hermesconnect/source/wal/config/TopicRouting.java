package io.hermesconnect.source.wal.config;

import io.hermesconnect.common.config.EnumChoice;

/** {@code topic.routing}: one topic per table, or one topic for the whole connector; spelled {@code per-table}, {@code single}. */
public enum TopicRouting implements EnumChoice.Hyphenated {
    /** {@code <topic.prefix>.<schema>.<table>}, as Debezium names them. */
    PER_TABLE,
    /** {@code <topic.prefix>}: one ordered stream of every table's events. */
    SINGLE
}
