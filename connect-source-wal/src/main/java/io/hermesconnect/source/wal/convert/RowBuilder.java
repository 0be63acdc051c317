package io.hermesconnect.source.wal.convert;

import io.hermesconnect.common.event.UnchangedToast;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Builds the row Structs of one table from text-format values (as pgoutput, COPY and JDBC text deliver
 * them), converting each value straight from the bytes it arrived in. Columns are indexed as in the
 * Relation message; values of excluded columns are ignored without being converted. Columns not set
 * stay null. Reusable: {@link #build()} hands the row over and starts the next one. Not thread-safe.
 */
public final class RowBuilder {

    private final TableSchema table;
    private final Field[] fields;
    private final ColumnType[] types;
    private Struct row;

    RowBuilder(TableSchema table, Field[] fields, ColumnType[] types) {
        this.table = table;
        this.fields = fields;
        this.types = types;
    }

    /** How many columns the relation has, excluded ones included. */
    public int columnCount() {
        return fields.length;
    }

    /** Sets a column from its value's UTF-8 text bytes; the bytes are not retained. */
    public RowBuilder set(int column, byte[] text, int offset, int length) {
        Field field = fields[column];
        if (field != null) {
            Object value;
            try {
                value = types[column].converter().convert(text, offset, length);
            } catch (RuntimeException e) {
                throw conversionError(column, length, e);
            }
            row().put(field, value);
        }
        return this;
    }

    public RowBuilder setNull(int column) {
        Field field = fields[column];
        if (field != null && row != null && row.get(field) != null) {
            row.put(field, null);
        }
        return this;
    }

    /** Marks a value the server did not send because it did not change (see {@link UnchangedToast}). */
    public RowBuilder setUnchangedToast(int column) {
        Field field = fields[column];
        if (field != null) {
            row().put(field, UnchangedToast.valueFor(field.schema()));
        }
        return this;
    }

    /** Takes a column's value from another row of the same table (the old row of an update). */
    public RowBuilder copy(int column, Struct from) {
        Field field = fields[column];
        if (field != null) {
            row().put(field, from.get(field));
        }
        return this;
    }

    public Struct build() {
        Struct built = row();
        row = null;
        return built;
    }

    /**
     * The value may be a secret, and parser messages quote their input: the error keeps the parser's
     * stack trace but neither its message nor the value.
     */
    private DataException conversionError(int column, int length, RuntimeException cause) {
        DataException error = new DataException("Cannot convert the value of column '" + fields[column].name() + "' of "
                + table.dataCollection() + " (type " + types[column].typeName() + ", " + length + " bytes): "
                + cause.getClass().getSimpleName());
        error.setStackTrace(cause.getStackTrace());
        return error;
    }

    private Struct row() {
        if (row == null) {
            row = new Struct(table.schemas().rowSchema());
        }
        return row;
    }
}
