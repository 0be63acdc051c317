package io.hermesconnect.source.diff.fetch.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads one column of the current row as the Java value of its Connect schema, or null for SQL NULL. */
@FunctionalInterface
interface ColumnReader {

    Object read(ResultSet row, int index) throws SQLException;
}
