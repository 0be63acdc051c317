package io.hermesconnect.source.diff.config;

/** Which topic a type's change events go to ({@code topic.routing}). */
public enum TopicRouting {
    /** Every type to one single-partition topic, {@code <topic.prefix>}, so that events keep their poll order. */
    SINGLE,
    /** Each type to its own topic, {@code <topic.prefix>.<Type>}. */
    PER_TYPE
}
