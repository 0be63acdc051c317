package io.hermesconnect.bench.diff;

import io.hermesconnect.testkit.postgres.PostgresServer;

/**
 * The poll benchmark's PostgreSQL tables: {@code users_<rows>}, the {@code Users} of {@link StateBenchObjects} (8
 * columns), and for the merge case {@code directory_<rows>}, a second source with a phone number for 99% of them.
 * Rows are written server-side ({@code generate_series}), so filling costs no client round trips.
 */
final class DiffPollDatabase {

    static final String DATABASE = "bench";
    static final String USER_COLUMNS = "id, login, first_name, last_name, email, birth_date, quota, active";
    static final String DIRECTORY_COLUMNS = "id, phone";
    private static final String USER_VALUES = "g, 'user' || g, 'First' || (g % 997), 'Lastname-' || md5(g::text), "
            + "'user' || g || '@example.org', date '1970-01-01' + (g % 20000)::int, (g % 100000) / 100.0, g % 10 <> 0";

    private final PostgresServer server;

    DiffPollDatabase(PostgresServer server) {
        this.server = server;
        server.createDatabase(DATABASE);
    }

    PostgresServer server() {
        return server;
    }

    static String usersTable(long rows) {
        return "users_" + rows;
    }

    static String directoryTable(long rows) {
        return "directory_" + rows;
    }

    /** {@code rows} users, ids 1 to rows. */
    void createUsers(long rows) {
        String table = usersTable(rows);
        server.executeIn(DATABASE,
                "CREATE TABLE " + table + " (id bigint PRIMARY KEY, login text NOT NULL, first_name text, last_name text, "
                        + "email text, birth_date date, quota numeric(12,2), active boolean)",
                "INSERT INTO " + table + " SELECT " + USER_VALUES + " FROM generate_series(1, " + rows + ") g",
                "VACUUM ANALYZE " + table);
    }

    /** The directory of the merge case: a phone number for every user whose id is not a multiple of 100. */
    void createDirectory(long rows) {
        String table = directoryTable(rows);
        server.executeIn(DATABASE,
                "CREATE TABLE " + table + " (id bigint PRIMARY KEY, phone text NOT NULL)",
                "INSERT INTO " + table + " SELECT g, '+33 1 ' || lpad((g % 100000000)::text, 8, '0') "
                        + "FROM generate_series(1, " + rows + ") g WHERE g % 100 <> 0",
                "VACUUM ANALYZE " + table);
    }

    /** Between two polls: 1% of the users updated, 0.1% deleted, 0.1% inserted (ids above {@code rows}). */
    void changeUsers(long rows) {
        String table = usersTable(rows);
        server.executeIn(DATABASE,
                "UPDATE " + table + " SET quota = quota + 1, last_name = last_name || '-2' WHERE id % 100 = 1",
                "DELETE FROM " + table + " WHERE id % 1000 = 2",
                "INSERT INTO " + table + " SELECT " + USER_VALUES + " FROM generate_series(" + (rows + 1) + ", "
                        + (rows + rows / 1000) + ") g",
                "VACUUM ANALYZE " + table);
    }

    void drop(long rows) {
        server.executeIn(DATABASE, "DROP TABLE IF EXISTS " + usersTable(rows), "DROP TABLE IF EXISTS " + directoryTable(rows));
    }
}
