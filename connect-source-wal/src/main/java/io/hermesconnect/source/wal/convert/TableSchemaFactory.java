package io.hermesconnect.source.wal.convert;

import io.hermesconnect.common.event.ChangeEventSchemas;
import io.hermesconnect.source.wal.pgoutput.RelationMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Field;

/**
 * Prepares {@link TableSchema}s, from a Relation message while streaming or from the catalog for the
 * snapshot; both give equal schemas for the same table, so snapshot and stream events share them.
 *
 * <p>Every column is optional except the primary-key columns, so a {@code before} holding only the key
 * is valid. Primary-key columns are always included, whatever the column filter says: events need
 * their key.
 */
public final class TableSchemaFactory {

    /** Which columns to capture (config include/exclude lists). */
    @FunctionalInterface
    public interface ColumnFilter {
        boolean include(String schema, String table, String column);
    }

    private final String topicPrefix;
    private final ColumnTypes columnTypes;
    private final ColumnFilter columns;

    public TableSchemaFactory(String topicPrefix, TypeRegistry types, DecimalHandlingMode mode, ColumnFilter columns) {
        this.topicPrefix = topicPrefix;
        this.columnTypes = new ColumnTypes(types, mode);
        this.columns = columns;
    }

    /**
     * @param primaryKey the table's primary key as read from the catalog (pgoutput's key flags mark the
     *                   replica identity instead); names the relation does not have are ignored, since a
     *                   catalog read can be ahead of the Relation message being handled
     */
    public TableSchema fromRelation(RelationMessage relation, List<String> primaryKey) {
        List<RelationMessage.Column> relationColumns = relation.columns();
        Set<String> names = relationColumns.stream().map(RelationMessage.Column::name).collect(Collectors.toSet());
        List<String> key = primaryKey.stream().filter(names::contains).toList();

        ChangeEventSchemas.Builder builder = ChangeEventSchemas.builder(topicPrefix, relation.schema(), relation.table());
        ColumnType[] types = new ColumnType[relationColumns.size()];
        for (int i = 0; i < types.length; i++) {
            RelationMessage.Column column = relationColumns.get(i);
            boolean inKey = key.contains(column.name());
            if (inKey || columns.include(relation.schema(), relation.table(), column.name())) {
                types[i] = columnTypes.of(column.typeOid(), column.typmod(), !inKey);
                builder.column(column.name(), types[i].schema());
            }
        }
        ChangeEventSchemas schemas = builder.primaryKey(key).build();
        Field[] fields = new Field[types.length];
        for (int i = 0; i < types.length; i++) {
            if (types[i] != null) {
                fields[i] = schemas.rowSchema().field(relationColumns.get(i).name());
            }
        }
        return new TableSchema(relation, key, schemas, fields, types);
    }

    /**
     * The schema the stream will use for this table, read from the catalog (for the snapshot).
     *
     * @param published the columns the publication sends (PostgreSQL 15+ column lists): the Relation message has only those
     */
    public TableSchema fromCatalog(Connection connection, String schema, String table, Predicate<String> published)
            throws SQLException {
        RelationMessage relation = Catalog.relation(connection, schema, table, published);
        return fromRelation(relation, Catalog.primaryKey(connection, relation.oid()));
    }

    /** The primary-key columns in key order, empty when the table has none. */
    public static List<String> primaryKey(Connection connection, int relationOid) throws SQLException {
        return Catalog.primaryKey(connection, relationOid);
    }

    public static List<String> primaryKey(Connection connection, String schema, String table) throws SQLException {
        return Catalog.primaryKey(connection, schema, table);
    }
}
