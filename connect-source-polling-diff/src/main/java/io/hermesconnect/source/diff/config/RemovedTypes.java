package io.hermesconnect.source.diff.config;

/** What happens to the stored objects of a type that was removed from {@code types} ({@code removed.types}). */
public enum RemovedTypes {
    /** A delete event for each of them, children types first. */
    DELETE,
    /** They are dropped from the state silently: the targets keep them. */
    FORGET
}
