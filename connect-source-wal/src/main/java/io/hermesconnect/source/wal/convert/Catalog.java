package io.hermesconnect.source.wal.convert;

import io.hermesconnect.source.wal.pgoutput.RelationMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.connect.errors.DataException;

/** Reads from the system catalogs what a Relation message would say about a table, and its primary key. */
final class Catalog {

    private static final String RELATION_SQL = """
            SELECT c.oid, c.relreplident FROM pg_catalog.pg_class c
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ? AND c.relname = ?
            """;
    // the key flag pgoutput sends: replica identity columns (all of them with FULL), not the primary key
    private static final String COLUMNS_SQL = """
            SELECT a.attname, a.atttypid, a.atttypmod,
                   c.relreplident = 'f' OR EXISTS (
                       SELECT 1 FROM pg_catalog.pg_index i
                       WHERE i.indrelid = c.oid AND a.attnum = ANY (i.indkey)
                         AND ((c.relreplident = 'd' AND i.indisprimary) OR (c.relreplident = 'i' AND i.indisreplident)))
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
            WHERE c.oid = ?::oid AND a.attnum > 0 AND NOT a.attisdropped %s
            ORDER BY a.attnum
            """;
    private static final String PRIMARY_KEY_SQL = """
            SELECT a.attname FROM pg_catalog.pg_index i
            CROSS JOIN LATERAL generate_series(0, i.%s - 1) AS k(n)
            JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k.n]
            WHERE i.indrelid = %s AND i.indisprimary
            ORDER BY k.n
            """;
    private static final String RELATION_OID_BY_NAME = """
            (SELECT c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = ? AND c.relname = ?)""";

    private Catalog() {
    }

    static RelationMessage relation(Connection connection, String schema, String table, Predicate<String> published)
            throws SQLException {
        long oid;
        char replicaIdentity;
        try (PreparedStatement statement = connection.prepareStatement(RELATION_SQL)) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new DataException("Table " + schema + "." + table + " does not exist");
                }
                oid = rs.getLong(1);
                replicaIdentity = rs.getString(2).charAt(0);
            }
        }
        // generated columns (PostgreSQL 12+) are never sent by pgoutput
        String notGenerated = majorVersion(connection) >= 12 ? "AND a.attgenerated = ''" : "";
        List<RelationMessage.Column> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(COLUMNS_SQL.formatted(notGenerated))) {
            statement.setLong(1, oid);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (published.test(rs.getString(1))) {
                        columns.add(new RelationMessage.Column(rs.getString(1), (int) rs.getLong(2), rs.getInt(3), rs.getBoolean(4)));
                    }
                }
            }
        }
        return new RelationMessage((int) oid, schema, table, replicaIdentity, columns);
    }

    static List<String> primaryKey(Connection connection, int relationOid) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(primaryKeySql(connection, "?::oid"))) {
            statement.setLong(1, Integer.toUnsignedLong(relationOid));
            return names(statement);
        }
    }

    static List<String> primaryKey(Connection connection, String schema, String table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(primaryKeySql(connection, RELATION_OID_BY_NAME))) {
            statement.setString(1, schema);
            statement.setString(2, table);
            return names(statement);
        }
    }

    private static String primaryKeySql(Connection connection, String relation) throws SQLException {
        // INCLUDE columns (PostgreSQL 11+) are in indkey after the key columns
        return PRIMARY_KEY_SQL.formatted(majorVersion(connection) >= 11 ? "indnkeyatts" : "indnatts", relation);
    }

    private static List<String> names(PreparedStatement statement) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static int majorVersion(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseMajorVersion();
    }
}
