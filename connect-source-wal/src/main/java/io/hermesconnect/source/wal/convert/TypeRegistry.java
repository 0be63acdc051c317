package io.hermesconnect.source.wal.convert;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's data types by OID, read once from {@code pg_type} and {@code pg_enum}: Relation messages
 * and {@code pg_attribute} name column types only by OID. Refresh it when a Relation message names an
 * OID it does not {@link #contains know} (a type created after the load) or when enum labels changed.
 *
 * <p>Row types of tables are left out (thousands of tables would mean thousands of entries nobody
 * uses); a column of such a type is carried as text. Thread-safe: a refresh swaps the whole map.
 */
public final class TypeRegistry {

    /**
     * One {@code pg_type} row.
     *
     * @param kind       {@code typtype}: b base, c composite, d domain, e enum, p pseudo, r range, m multirange
     * @param category   {@code typcategory}: A array, N numeric, S string, …
     * @param elementOid the element type of an array, else 0
     * @param baseOid    the base type of a domain, else 0
     * @param baseTypmod the domain's type modifier ({@code numeric(10,2)} in {@code CREATE DOMAIN}), else -1
     * @param delimiter  separates elements in array text ({@code ,} for all but {@code box})
     * @param enumLabels in sort order, empty for other types
     */
    public record PgType(int oid, String schema, String name, char kind, char category, int elementOid, int baseOid,
                         int baseTypmod, char delimiter, List<String> enumLabels) {

        public PgType {
            enumLabels = List.copyOf(enumLabels);
        }
    }

    private static final String TYPES_SQL = """
            SELECT t.oid, n.nspname, t.typname, t.typtype, t.typcategory, t.typelem, t.typbasetype, t.typtypmod, t.typdelim
            FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
            WHERE t.oid NOT IN (SELECT reltype FROM pg_catalog.pg_class WHERE relkind <> 'c')
              AND NOT (t.typcategory = 'A' AND t.typelem IN (SELECT reltype FROM pg_catalog.pg_class WHERE relkind <> 'c'))
            """;
    private static final String ENUMS_SQL =
            "SELECT enumtypid, enumlabel FROM pg_catalog.pg_enum ORDER BY enumtypid, enumsortorder";

    private volatile Map<Integer, PgType> types;

    private TypeRegistry(Map<Integer, PgType> types) {
        this.types = types;
    }

    public static TypeRegistry load(Connection connection) throws SQLException {
        return new TypeRegistry(read(connection));
    }

    // visible for testing: a registry without a server
    static TypeRegistry of(Collection<PgType> types) {
        Map<Integer, PgType> byOid = new HashMap<>();
        types.forEach(t -> byOid.put(t.oid(), t));
        return new TypeRegistry(byOid);
    }

    /** Reloads every type, e.g. after a Relation message named an OID this registry does not know. */
    public void refresh(Connection connection) throws SQLException {
        types = read(connection);
    }

    public boolean contains(int oid) {
        return types.containsKey(oid);
    }

    /** The type, or null when unknown. */
    public PgType get(int oid) {
        return types.get(oid);
    }

    private static Map<Integer, PgType> read(Connection connection) throws SQLException {
        Map<Integer, List<String>> labels = new HashMap<>();
        Map<Integer, PgType> byOid = new HashMap<>(1024);
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(ENUMS_SQL)) {
                while (rs.next()) {
                    labels.computeIfAbsent((int) rs.getLong(1), oid -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            try (ResultSet rs = statement.executeQuery(TYPES_SQL)) {
                while (rs.next()) {
                    int oid = (int) rs.getLong(1); // OIDs are unsigned 32-bit, sent as Int32 by pgoutput
                    byOid.put(oid, new PgType(oid, rs.getString(2), rs.getString(3), rs.getString(4).charAt(0),
                            rs.getString(5).charAt(0), (int) rs.getLong(6), (int) rs.getLong(7), rs.getInt(8),
                            rs.getString(9).charAt(0), labels.getOrDefault(oid, List.of())));
                }
            }
        }
        return byOid;
    }
}
