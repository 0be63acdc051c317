package io.hermesconnect.source.wal.pgoutput;

import java.util.List;

/**
 * A pgoutput Relation message: the shape of a table as the server sends it before the first change
 * of the table in a session and after every schema change.
 *
 * @param oid             the table's OID, which the change messages refer to
 * @param schema          the table's schema ({@code pg_catalog} where the server sends an empty name)
 * @param replicaIdentity {@code d} default, {@code n} nothing, {@code f} full, {@code i} index
 * @param columns         in the order tuples carry their values; dropped and generated columns are not sent
 */
public record RelationMessage(int oid, String schema, String table, char replicaIdentity, List<Column> columns) {

    public RelationMessage {
        columns = List.copyOf(columns);
    }

    /**
     * One column.
     *
     * @param typmod the type modifier ({@code atttypmod}), -1 when none
     * @param isKey  part of the replica identity (not necessarily of the primary key)
     */
    public record Column(String name, int typeOid, int typmod, boolean isKey) {
    }
}
