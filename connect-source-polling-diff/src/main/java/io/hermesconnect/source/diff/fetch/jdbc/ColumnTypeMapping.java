package io.hermesconnect.source.diff.fetch.jdbc;

import java.util.Optional;

/** One dialect's mapping of column types to Connect schemas and readers. */
interface ColumnTypeMapping {

    /** The column with its schema and reader, or empty when its type has no Connect representation here. */
    Optional<JdbcColumn> column(ColumnDescription column);
}
