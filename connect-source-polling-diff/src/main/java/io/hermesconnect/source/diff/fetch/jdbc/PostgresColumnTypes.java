package io.hermesconnect.source.diff.fetch.jdbc;

import io.hermesconnect.common.event.SemanticTypes;
import io.hermesconnect.common.event.VariableScaleDecimal;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * PostgreSQL column types (PgJDBC's type names) to the Connect schemas the WAL source gives them, so a table reads the
 * same through both sources. A {@code numeric} with a declared scale is a Connect Decimal of that scale (its precision
 * in {@link SemanticTypes#DECIMAL_PRECISION}); without one it is a {@link VariableScaleDecimal}; {@code NaN} and the
 * infinities of {@code numeric} are null. Enums, and other types PgJDBC reads as text, are plain strings (the WAL
 * source names enums and lists their labels: that needs the catalog); a domain is its base type. Arrays (one
 * dimension) of every type here but those are lists; every other type (intervals, network and geometric types,
 * ranges…) is unsupported: cast it to text in the query.
 */
final class PostgresColumnTypes implements ColumnTypeMapping {

    /** Beyond PostgreSQL's maximum precision of a numeric: PgJDBC's answer for one declared without any. */
    private static final int MAX_NUMERIC_PRECISION = 1000;

    @Override
    public Optional<JdbcColumn> column(ColumnDescription column) {
        String type = column.typeName();
        if (type.startsWith("_")) {
            // Types.OTHER: the text fallback below is for scalars, an array of enums is not read as text
            ColumnDescription elementType = new ColumnDescription(column.label(), type.substring(1),
                    column.precision(), column.scale(), Types.OTHER);
            return scalar(elementType)
                    .map(element -> new JdbcColumn(column.label(),
                            SchemaBuilder.array(element.schema()).optional().build(), list(element.reader())));
        }
        return scalar(column);
    }

    private static Optional<JdbcColumn> scalar(ColumnDescription column) {
        String label = column.label();
        JdbcColumn mapped = switch (column.typeName()) {
            case "int2", "smallserial" -> Columns.int16(label);
            case "int4", "serial" -> Columns.int32(label);
            case "int8", "bigserial", "oid" -> Columns.int64(label);
            case "float4" -> Columns.float32(label);
            case "float8" -> Columns.float64(label);
            case "bool" -> Columns.bool(label);
            case "numeric" -> numeric(column);
            case "bytea" -> Columns.bytes(label);
            case "text", "varchar", "bpchar", "char", "name" -> Columns.text(label);
            case "uuid" -> Columns.text(label, SemanticTypes.UUID);
            case "json", "jsonb" -> Columns.text(label, SemanticTypes.JSON);
            case "date" -> Columns.date(label, (row, i) -> TemporalValues.date(row.getObject(i, LocalDate.class)));
            case "time" -> Columns.time(label, (row, i) -> TemporalValues.time(row.getObject(i, LocalTime.class)));
            case "timetz" -> Columns.time(label, (row, i) -> TemporalValues.time(row.getObject(i, OffsetTime.class)));
            case "timestamp" -> Columns.timestamp(label,
                    (row, i) -> TemporalValues.timestamp(row.getObject(i, LocalDateTime.class)));
            case "timestamptz" -> Columns.timestamp(label,
                    (row, i) -> TemporalValues.timestamp(row.getObject(i, OffsetDateTime.class)));
            // enums and other types PgJDBC reads as text (citext...); domains come as their base type already
            default -> column.jdbcType() == Types.VARCHAR ? Columns.text(label) : null;
        };
        return Optional.ofNullable(mapped);
    }

    private static JdbcColumn numeric(ColumnDescription column) {
        if (column.precision() <= 0 || column.precision() > MAX_NUMERIC_PRECISION) {
            Schema schema = VariableScaleDecimal.schema(true);
            return new JdbcColumn(column.label(), schema, (row, i) -> {
                BigDecimal value = decimal(row.getString(i));
                return value == null ? null : VariableScaleDecimal.struct(schema, value);
            });
        }
        return Columns.decimal(column.label(), column.scale(), column.precision(),
                (row, i) -> decimal(row.getString(i)));
    }

    /** A numeric's text as a BigDecimal; null for SQL NULL and for NaN and ±Infinity, which no Decimal holds. */
    private static BigDecimal decimal(String text) {
        if (text == null || text.equals("NaN") || text.endsWith("Infinity")) {
            return null;
        }
        return new BigDecimal(text);
    }

    /** The elements of a one-dimensional array, each read by the element type's reader from the array's rows. */
    private static ColumnReader list(ColumnReader element) {
        return (row, i) -> {
            Array array = row.getArray(i);
            if (array == null) {
                return null;
            }
            List<Object> values = new ArrayList<>();
            try (ResultSet elements = array.getResultSet()) {
                while (elements.next()) {
                    values.add(element.read(elements, 2)); // column 1 is the element's index
                }
            } finally {
                array.free();
            }
            return values;
        };
    }
}
