package io.hermesconnect.source.diff.fetch.jdbc;

import io.hermesconnect.common.event.SemanticTypes;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * MariaDB column types (MariaDB Connector/J's type names) to Connect schemas, in the representations the WAL source
 * uses for PostgreSQL. Integers take the smallest Connect integer that holds every value, so unsigned types widen
 * ({@code BIGINT UNSIGNED} becomes a Decimal of scale 0). {@code TINYINT(1)}, {@code BOOLEAN} and {@code BIT(1)} are
 * booleans, as the driver reads them ({@code tinyInt1isBit}); wider {@code BIT(n)} are bytes; {@code YEAR} is an
 * int32. {@code DATETIME} is read as UTC wall-clock time, like PostgreSQL's timestamp without zone; {@code TIMESTAMP}
 * is an instant, exact because the session runs in UTC ({@link JdbcDialect#MARIADB}). {@code TIME} is a time of day:
 * a value beyond a day fails the fetch. {@code ENUM}, {@code SET} and {@code INET4/6} reach us as text. Spatial types
 * are unsupported.
 */
final class MariaDbColumnTypes implements ColumnTypeMapping {

    private static final String UNSIGNED = " UNSIGNED";
    /** Digits of the largest BIGINT UNSIGNED, 18446744073709551615. */
    private static final int UNSIGNED_BIGINT_DIGITS = 20;

    @Override
    public Optional<JdbcColumn> column(ColumnDescription column) {
        String type = column.typeName().toUpperCase(Locale.ROOT);
        boolean unsigned = type.endsWith(UNSIGNED);
        String base = unsigned ? type.substring(0, type.length() - UNSIGNED.length()) : type;
        String label = column.label();
        JdbcColumn mapped = switch (base) {
            case "TINYINT" -> unsigned ? Columns.int16(label) : Columns.int8(label);
            case "SMALLINT" -> unsigned ? Columns.int32(label) : Columns.int16(label);
            case "MEDIUMINT", "YEAR" -> Columns.int32(label);
            case "INTEGER", "INT" -> unsigned ? Columns.int64(label) : Columns.int32(label);
            case "BIGINT" -> unsigned
                    ? Columns.decimal(label, 0, UNSIGNED_BIGINT_DIGITS, Columns::bigDecimal) : Columns.int64(label);
            case "DECIMAL" -> Columns.decimal(label, column.scale(), column.precision(), Columns::bigDecimal);
            case "FLOAT" -> Columns.float32(label);
            case "DOUBLE" -> Columns.float64(label);
            case "BOOLEAN" -> Columns.bool(label);
            case "CHAR", "VARCHAR", "TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT" -> Columns.text(label);
            case "JSON" -> Columns.text(label, SemanticTypes.JSON);
            case "UUID" -> Columns.text(label, SemanticTypes.UUID);
            case "BIT" -> column.precision() == 1 ? Columns.bool(label) : Columns.bytes(label);
            case "BINARY", "VARBINARY", "TINYBLOB", "BLOB", "MEDIUMBLOB", "LONGBLOB" -> Columns.bytes(label);
            case "DATE" -> Columns.date(label, (row, i) -> TemporalValues.date(row.getObject(i, LocalDate.class)));
            case "TIME" -> Columns.time(label,
                    (row, i) -> TemporalValues.time(row.getObject(i, Duration.class), label));
            case "DATETIME", "TIMESTAMP" -> Columns.timestamp(label,
                    (row, i) -> TemporalValues.timestamp(row.getObject(i, LocalDateTime.class)));
            default -> null;
        };
        return Optional.ofNullable(mapped);
    }
}
