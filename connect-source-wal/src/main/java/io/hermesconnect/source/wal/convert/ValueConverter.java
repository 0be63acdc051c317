package io.hermesconnect.source.wal.convert;

/**
 * Turns one value in PostgreSQL text format into its Connect value. Stateless and thread-safe: one
 * instance serves the streaming thread and parallel snapshot readers of the same table.
 */
@FunctionalInterface
interface ValueConverter {

    Object convert(byte[] text, int offset, int length);
}
