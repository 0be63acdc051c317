package io.hermesconnect.source.wal.convert;

import io.hermesconnect.common.event.ChangeEventSchemas;
import io.hermesconnect.source.wal.pgoutput.RelationMessage;
import java.util.List;
import org.apache.kafka.connect.data.Field;

/**
 * One table's schemas and per-column converters, prepared once per Relation message (or catalog read)
 * and shared by every row of the table. Immutable and thread-safe; {@link #newRow()} gives each thread
 * its own builder.
 */
public final class TableSchema {

    private final RelationMessage relation;
    private final List<String> primaryKey;
    private final ChangeEventSchemas schemas;
    private final String dataCollection;
    /** Per relation column: its row field and type, both null for an excluded column. */
    private final Field[] fields;
    private final ColumnType[] types;

    TableSchema(RelationMessage relation, List<String> primaryKey, ChangeEventSchemas schemas, Field[] fields,
                ColumnType[] types) {
        this.relation = relation;
        this.primaryKey = List.copyOf(primaryKey);
        this.schemas = schemas;
        this.dataCollection = relation.schema() + "." + relation.table();
        this.fields = fields;
        this.types = types;
    }

    public int relationOid() {
        return relation.oid();
    }

    public String schema() {
        return relation.schema();
    }

    public String table() {
        return relation.table();
    }

    /** {@code schema.table}, the name include lists and transaction metadata use. */
    public String dataCollection() {
        return dataCollection;
    }

    /** Key, row and envelope schemas, named {@code <topicPrefix>.<schema>.<table>.*}. */
    public ChangeEventSchemas schemas() {
        return schemas;
    }

    /** The primary-key columns (from {@code pg_index}), in key order; empty when the table has none. */
    public List<String> primaryKey() {
        return primaryKey;
    }

    /** {@code d} default, {@code n} nothing, {@code f} full, {@code i} index. */
    public char replicaIdentity() {
        return relation.replicaIdentity();
    }

    /** The columns as pgoutput sends them, excluded ones included: row builder indexes refer to this list. */
    public RelationMessage relation() {
        return relation;
    }

    /** A builder of rows of this table; reusable row after row, not thread-safe. */
    public RowBuilder newRow() {
        return new RowBuilder(this, fields, types);
    }
}
