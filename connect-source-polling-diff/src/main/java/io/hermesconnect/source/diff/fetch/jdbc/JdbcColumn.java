package io.hermesconnect.source.diff.fetch.jdbc;

import org.apache.kafka.connect.data.Schema;

/**
 * A column of a query's result: its label, the (optional) Connect schema of its values and how to read them.
 *
 * @param name   the column's label ({@code AS} name, else its name)
 * @param schema the Connect schema of its values
 * @param reader reads its value from the current row
 */
record JdbcColumn(String name, Schema schema, ColumnReader reader) {
}
