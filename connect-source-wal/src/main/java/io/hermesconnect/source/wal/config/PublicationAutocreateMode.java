package io.hermesconnect.source.wal.config;

/** {@code publication.autocreate.mode}: whether and how the connector creates its publication. */
public enum PublicationAutocreateMode {
    /** {@code CREATE PUBLICATION ... FOR ALL TABLES} when it is missing (needs superuser). */
    ALL_TABLES,
    /** A publication of exactly the included tables, created when missing and updated on every start. */
    FILTERED,
    /** The publication must already exist; the connector never touches it. */
    DISABLED
}
