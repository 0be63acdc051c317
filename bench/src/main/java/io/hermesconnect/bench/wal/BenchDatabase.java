package io.hermesconnect.bench.wal;

import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The benchmark database: tables, publications, slots, and the workload generator. Every row carries
 * {@code created_us}, the server clock (microseconds) when the row was inserted, for commit-to-Kafka latency.
 */
final class BenchDatabase {

    static final String DATABASE = "bench";
    private static final Duration SLOT_RELEASE_TIMEOUT = Duration.ofSeconds(90);
    /** The columns a typical CDC'd table has: a key, numbers, text, a decimal, a flag, a timestamp. */
    private static final String COLUMNS = """
            id bigserial PRIMARY KEY,
            created_us bigint NOT NULL DEFAULT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint,
            n integer NOT NULL,
            name text NOT NULL,
            amount numeric(12,2) NOT NULL,
            active boolean NOT NULL,
            updated_at timestamptz NOT NULL""";
    private static final String ROW_VALUES = "g, 'customer-' || g || '-' || md5(g::text), (g % 1000000) / 100.0, g % 2 = 0, now()";

    private final PostgresServer server;

    BenchDatabase(PostgresServer server) {
        this.server = server;
        server.createDatabase(DATABASE);
        server.executeIn(DATABASE,
                "CREATE SCHEMA " + SlotTarget.SCHEMA,
                // zonky starts the server with synchronous_commit=off: a commit then waits for the WAL writer (up to
                // wal_writer_delay, 200 ms) before walsenders may decode it, which would add ~100 ms to every
                // latency figure. Database settings override the command line; with fsync=off flushing is cheap.
                "ALTER DATABASE " + DATABASE + " SET synchronous_commit = on",
                // a 2M-row transaction writes hundreds of MB of WAL: no checkpoint in the middle of a workload
                "ALTER SYSTEM SET max_wal_size = '8GB'",
                "SELECT pg_reload_conf()");
    }

    String host() {
        return server.host();
    }

    int port() {
        return server.port();
    }

    String user() {
        return server.superuser();
    }

    String password() {
        return server.superuserPassword();
    }

    String serverVersion() {
        return server.queryString(DATABASE, "SHOW server_version");
    }

    Connection connect() throws SQLException {
        return server.connect(DATABASE);
    }

    void createTable(String table) {
        server.executeIn(DATABASE, "CREATE TABLE " + SlotTarget.SCHEMA + "." + table + " (" + COLUMNS + ")");
    }

    void dropTable(String table) {
        server.executeIn(DATABASE, "DROP TABLE IF EXISTS " + SlotTarget.SCHEMA + "." + table);
    }

    /** The consumer's publication (on its table only) and its pgoutput slot, positioned at the current WAL end. */
    void createSlot(SlotTarget target) {
        server.executeIn(DATABASE,
                "CREATE PUBLICATION " + target.publication() + " FOR TABLE " + target.qualifiedTable(),
                "SELECT pg_create_logical_replication_slot('" + target.slot() + "', 'pgoutput')");
    }

    /** Waits until nobody streams from the slot any more, then drops it and its publication. */
    void dropSlot(SlotTarget target) {
        Wait.until("slot " + target.slot() + " to be released", SLOT_RELEASE_TIMEOUT,
                () -> !"t".equals(server.queryString(DATABASE,
                        "SELECT active FROM pg_replication_slots WHERE slot_name = '" + target.slot() + "'")));
        server.executeIn(DATABASE,
                "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '" + target.slot() + "'",
                "DROP PUBLICATION IF EXISTS " + target.publication());
    }

    /** The server's current WAL insert position, {@code X/Y}. */
    String currentLsn() {
        return server.queryString(DATABASE, "SELECT pg_current_wal_lsn()::text");
    }

    /**
     * Inserts the workload's rows server-side (a DO block that commits after each transaction's rows), so the
     * generator costs no client round trips. Returns the seconds it took.
     */
    double generate(Workload workload, String table) {
        String sql = """
                DO $$
                BEGIN
                  FOR t IN 0..%d LOOP
                    INSERT INTO %s.%s (n, name, amount, active, updated_at)
                      SELECT %s FROM generate_series(t * %d + 1, least((t + 1) * %d, %d)) g;
                    COMMIT;
                  END LOOP;
                END $$""".formatted(workload.transactions() - 1, SlotTarget.SCHEMA, table, ROW_VALUES,
                workload.rowsPerTransaction(), workload.rowsPerTransaction(), workload.rows());
        long start = System.nanoTime();
        server.executeIn(DATABASE, sql);
        return (System.nanoTime() - start) / 1e9;
    }

    /** A prepared insert of rows {@code [from, to]} in one transaction, for the fixed-rate generator. */
    PreparedStatement rowInserter(Connection connection, String table) throws SQLException {
        connection.setAutoCommit(true);
        return connection.prepareStatement("INSERT INTO " + SlotTarget.SCHEMA + "." + table
                + " (n, name, amount, active, updated_at) SELECT " + ROW_VALUES + " FROM generate_series(?, ?) g");
    }

    /** Inserts rows {@code [from, to]} in one transaction on a connection of its own (the readiness probe). */
    void insertRows(String table, long from, long to) {
        try (Connection connection = connect(); PreparedStatement insert = rowInserter(connection, table)) {
            insert.setLong(1, from);
            insert.setLong(2, to);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not insert into " + table + ": " + e.getMessage(), e);
        }
    }
}
