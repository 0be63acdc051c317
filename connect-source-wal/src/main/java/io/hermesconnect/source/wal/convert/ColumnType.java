package io.hermesconnect.source.wal.convert;

import org.apache.kafka.connect.data.Schema;

/**
 * How one column is carried: its Connect schema and the converter of its text values.
 *
 * @param typeName the PostgreSQL type name, for error messages
 */
record ColumnType(Schema schema, ValueConverter converter, String typeName) {
}
