package io.hermesconnect.source.diff.fetch.jdbc;

/**
 * What the driver's {@code ResultSetMetaData} says of one column, all a type mapping needs.
 *
 * @param label     the column's label ({@code AS} name, else its name)
 * @param typeName  the driver's type name: PostgreSQL's ({@code int4}, {@code _text}), MariaDB's ({@code INTEGER
 *                  UNSIGNED}, {@code DATETIME})
 * @param precision the declared precision (digits of a decimal), 0 when there is none
 * @param scale     the declared scale (digits after the point of a decimal)
 * @param jdbcType  the driver's {@link java.sql.Types} code for it
 */
record ColumnDescription(String label, String typeName, int precision, int scale, int jdbcType) {
}
