package io.hermesconnect.source.wal.pgoutput;

import io.hermesconnect.source.wal.convert.TableSchema;

/**
 * Turns a Relation message into the table's prepared schema; implemented by the task, which knows
 * the primary key, the include/exclude lists and the caches. Called once per Relation message.
 */
@FunctionalInterface
public interface TableSchemaResolver {

    /** The table's schema, or null when the table is not captured: its changes are then skipped undecoded. */
    TableSchema resolve(RelationMessage relation);
}
