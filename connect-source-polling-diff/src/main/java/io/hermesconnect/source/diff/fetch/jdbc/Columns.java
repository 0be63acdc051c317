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
        return primitive(label, Schema.OPTIONAL_INT8_SCHEMA, ResultSet::getByte);
    }

    static JdbcColumn int16(String label) {
        return primitive(label, Schema.OPTIONAL_INT16_SCHEMA, ResultSet::getShort);
    }

    static JdbcColumn int32(String label) {
        return primitive(label, Schema.OPTIONAL_INT32_SCHEMA, ResultSet::getInt);
    }

    static JdbcColumn int64(String label) {
        return primitive(label, Schema.OPTIONAL_INT64_SCHEMA, ResultSet::getLong);
    }

    static JdbcColumn float32(String label) {
        return primitive(label, Schema.OPTIONAL_FLOAT32_SCHEMA, ResultSet::getFloat);
    }

    static JdbcColumn float64(String label) {
        return primitive(label, Schema.OPTIONAL_FLOAT64_SCHEMA, ResultSet::getDouble);
    }

    static JdbcColumn bool(String label) {
        return primitive(label, Schema.OPTIONAL_BOOLEAN_SCHEMA, ResultSet::getBoolean);
    }

    static JdbcColumn text(String label) {
        return new JdbcColumn(label, Schema.OPTIONAL_STRING_SCHEMA, ResultSet::getString);
    }

    /** Text whose meaning a {@link SemanticTypes} name tells (JSON, UUID). */
    static JdbcColumn text(String label, String semanticType) {
        return new JdbcColumn(label, SchemaBuilder.string().name(semanticType).optional().build(),
                ResultSet::getString);
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

    /** A getter of a primitive, which gives 0 or false for SQL NULL: {@code wasNull} tells. */
    private static JdbcColumn primitive(String label, Schema schema, ColumnReader getter) {
        return new JdbcColumn(label, schema, (row, i) -> {
            Object value = getter.read(row, i);
            return row.wasNull() ? null : value;
        });
    }

    /** Reads a BigDecimal (a plain getter, for {@link #decimal}). */
    static BigDecimal bigDecimal(ResultSet row, int index) throws SQLException {
        return row.getBigDecimal(index);
    }
}
