package io.hermesconnect.source.diff.fetch.jdbc;

import io.hermesconnect.common.event.SemanticTypes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

/** The columns both dialects share: each Connect type with the plain JDBC getter that reads it, null for SQL NULL. */
final class Columns {

    private Columns() {
    }

    static JdbcColumn int8(String label) {
        return new JdbcColumn(label, Schema.OPTIONAL_INT8_SCHEMA, (row, i) -> {
            byte value = row.getByte(i);
            return row.wasNull() ? null : value;
        });
    }

    static JdbcColumn int16(String label) {
        return new JdbcColumn(label, Schema.OPTIONAL_INT16_SCHEMA, (row, i) -> {
            short value = row.getShort(i);
            return row.wasNull() ? null : value;
        });
    }

    static JdbcColumn int32(String label) {
        return new JdbcColumn(label, Schema.OPTIONAL_INT32_SCHEMA, (row, i) -> {
            int value = row.getInt(i);
            return row.wasNull() ? null : value;
        });
    }

    static JdbcColumn int64(String label) {
        return new JdbcColumn(label, Schema.OPTIONAL_INT64_SCHEMA, (row, i) -> {
            long value = row.getLong(i);
            return row.wasNull() ? null : value;
        });
    }

    static JdbcColumn float32(String label) {
        return new JdbcColumn(label, Schema.OPTIONAL_FLOAT32_SCHEMA, (row, i) -> {
            float value = row.getFloat(i);
            return row.wasNull() ? null : value;
        });
    }

    static JdbcColumn float64(String label) {
        return new JdbcColumn(label, Schema.OPTIONAL_FLOAT64_SCHEMA, (row, i) -> {
            double value = row.getDouble(i);
            return row.wasNull() ? null : value;
        });
    }

    static JdbcColumn bool(String label) {
        return new JdbcColumn(label, Schema.OPTIONAL_BOOLEAN_SCHEMA, (row, i) -> {
            boolean value = row.getBoolean(i);
            return row.wasNull() ? null : value;
        });
    }

    static JdbcColumn text(String label) {
        return new JdbcColumn(label, Schema.OPTIONAL_STRING_SCHEMA, ResultSet::getString);
    }

    /** Text whose meaning a {@link SemanticTypes} name tells (JSON, UUID). */
    static JdbcColumn text(String label, String semanticType) {
        return new JdbcColumn(label, SchemaBuilder.string().name(semanticType).optional().build(), ResultSet::getString);
    }

    static JdbcColumn bytes(String label) {
        return new JdbcColumn(label, Schema.OPTIONAL_BYTES_SCHEMA, ResultSet::getBytes);
    }

    /**
     * A Connect Decimal of {@code scale}, its precision in {@link SemanticTypes#DECIMAL_PRECISION}; {@code reader}
     * gives a BigDecimal or null, which is brought to the schema's scale (a no-op for the values servers send).
     */
    static JdbcColumn decimal(String label, int scale, int precision, ColumnReader reader) {
        Schema schema = Decimal.builder(scale)
                .parameter(SemanticTypes.DECIMAL_PRECISION, Integer.toString(precision)).optional().build();
        return new JdbcColumn(label, schema, (row, i) -> {
            BigDecimal value = (BigDecimal) reader.read(row, i);
            return value == null || value.scale() == scale ? value : value.setScale(scale, RoundingMode.HALF_UP);
        });
    }

    /** @param reader gives a {@code java.util.Date} at midnight UTC, or null */
    static JdbcColumn date(String label, ColumnReader reader) {
        return new JdbcColumn(label, Date.builder().optional().build(), reader);
    }

    /** @param reader gives a {@code java.util.Date} within the first day of the epoch, or null */
    static JdbcColumn time(String label, ColumnReader reader) {
        return new JdbcColumn(label, Time.builder().optional().build(), reader);
    }

    /** @param reader gives a {@code java.util.Date}, or null */
    static JdbcColumn timestamp(String label, ColumnReader reader) {
        return new JdbcColumn(label, Timestamp.builder().optional().build(), reader);
    }

    /** Reads a BigDecimal (a plain getter, for {@link #decimal}). */
    static BigDecimal bigDecimal(ResultSet row, int index) throws SQLException {
        return row.getBigDecimal(index);
    }
}
