package io.hermesconnect.source.wal.replication;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The catalog look-ups the connector needs, on a plain JDBC connection; each is one small query. */
public final class PgCatalog {

    private PgCatalog() {
    }

    /** The server's version as {@code server_version_num}, e.g. 170002. */
    public static int serverVersionNum(Connection c) throws SQLException {
        return Integer.parseInt(single(c, "SHOW server_version_num"));
    }

    public static String walLevel(Connection c) throws SQLException {
        return single(c, "SHOW wal_level");
    }

    /** Whether the logged-in role may open replication connections (REPLICATION attribute or superuser). */
    public static boolean canReplicate(Connection c) throws SQLException {
        return "t".equals(single(c, "SELECT rolreplication OR rolsuper FROM pg_roles WHERE rolname = current_user"));
    }

    public static boolean isSuperuser(Connection c) throws SQLException {
        return "t".equals(single(c, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"));
    }

    /** A replication slot as {@code pg_replication_slots} shows it. */
    public record Slot(String name, String plugin, String database, Integer activePid, String confirmedFlushLsn) {
        public boolean isActive() {
            return activePid != null;
        }

        /** The slot's confirmed flush LSN as a number, 0 when the server reports none. */
        public long confirmedFlush() {
            return confirmedFlushLsn == null ? 0 : Lsn.parse(confirmedFlushLsn).asLong();
        }
    }

    public static Optional<Slot> slot(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT slot_name, plugin, database, active_pid, confirmed_flush_lsn::text "
                + "FROM pg_replication_slots WHERE slot_name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int pid = rs.getInt(4);
                return Optional.of(new Slot(rs.getString(1), rs.getString(2), rs.getString(3), rs.wasNull() ? null : pid,
                        rs.getString(5)));
            }
        }
    }

    public static boolean publicationExists(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_publication WHERE pubname = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A user table: its schema, name, replica identity ('d', 'n', 'f', 'i') and whether it has a primary key. */
    public record TableInfo(String schema, String table, char replicaIdentity, boolean hasPrimaryKey) {
        public String dataCollection() {
            return schema + "." + table;
        }
    }

    /** Every ordinary and partitioned table outside PostgreSQL's own schemas. */
    public static List<TableInfo> tables(Connection c) throws SQLException {
        String sql = "SELECT n.nspname, t.relname, t.relreplident, "
                + "EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = t.oid AND i.indisprimary) "
                + "FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace "
                + "WHERE t.relkind IN ('r', 'p') AND NOT t.relispartition "
                + "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%' "
                + "ORDER BY 1, 2";
        List<TableInfo> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                tables.add(new TableInfo(rs.getString(1), rs.getString(2), rs.getString(3).charAt(0), rs.getBoolean(4)));
            }
        }
        return tables;
    }

    /** A table's name. */
    public record TableId(String schema, String table) {
        public String dataCollection() {
            return schema + "." + table;
        }

        /** The quoted name for SQL text. */
        public String quoted() {
            return quote(schema) + "." + quote(table);
        }
    }

    /** Tables the publication sends, as {@code pg_publication_tables} lists them. */
    public static List<TableId> publicationTables(Connection c, String publication) throws SQLException {
        List<TableId> tables = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT schemaname, tablename FROM pg_publication_tables WHERE pubname = ? ORDER BY 1, 2")) {
            s.setString(1, publication);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.add(new TableId(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return tables;
    }

    /**
     * What a publication sends of a table: PostgreSQL 15+ publications may list columns and filter rows, and the
     * snapshot must read the same slice the stream sends.
     *
     * @param columns   the published columns, or null for all (before 15, or a table the publication does not list)
     * @param rowFilter the publication's row filter as SQL, or null for none
     */
    public record Published(Set<String> columns, String rowFilter) {
        static final Published EVERYTHING = new Published(null, null);

        public boolean includes(String column) {
            return columns == null || columns.contains(column);
        }
    }

    private static final int PUBLICATION_SLICES_SERVER = 150_000;

    public static Published published(Connection c, String publication, TableId table) throws SQLException {
        if (serverVersionNum(c) < PUBLICATION_SLICES_SERVER) {
            return Published.EVERYTHING;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT attnames, rowfilter FROM pg_catalog.pg_publication_tables "
                + "WHERE pubname = ? AND schemaname = ? AND tablename = ?")) {
            s.setString(1, publication);
            s.setString(2, table.schema());
            s.setString(3, table.table());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Published.EVERYTHING;
                }
                Set<String> columns = new HashSet<>(Arrays.asList((String[]) rs.getArray(1).getArray()));
                return new Published(columns, rs.getString(2));
            }
        }
    }

    /** Quotes an identifier for SQL text: {@code my"table} becomes {@code "my""table"}. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
