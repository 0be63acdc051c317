package io.hermesconnect.source.wal.config;

import java.util.Locale;

/** {@code topic.routing}: one topic per table, or one topic for the whole connector. */
public enum TopicRouting {
    /** {@code <topic.prefix>.<schema>.<table>}, as Debezium names them. */
    PER_TABLE,
    /** {@code <topic.prefix>}: one ordered stream of every table's events. */
    SINGLE;

    public String value() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static TopicRouting parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
