package io.hermesconnect.bench.wal;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.PGReplicationStream;

/**
 * The Java client's limit: a bare PgJDBC replication stream (pgoutput, protocol 1) that reads every message
 * and discards it, counting INSERT messages until the workload's rows have all arrived. What a connector adds
 * on top of this is its own decoding, conversion and Connect/Kafka.
 */
final class JdbcSlotReader {

    private JdbcSlotReader() {
    }

    /** Reads the slot until {@code rows} inserts arrived; returns the seconds from connecting to the last one. */
    static double read(BenchDatabase db, SlotTarget target, long rows, Duration timeout) {
        Properties properties = new Properties();
        PGProperty.USER.set(properties, db.user());
        PGProperty.PASSWORD.set(properties, db.password());
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(properties, "10");
        PGProperty.REPLICATION.set(properties, "database");
        PGProperty.PREFER_QUERY_MODE.set(properties, "simple");
        String url = "jdbc:postgresql://" + db.host() + ":" + db.port() + "/" + BenchDatabase.DATABASE;
        // blocking reads are the fastest; the deadline is enforced by closing the connection under them
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "jdbc-slot-reader-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        AtomicBoolean timedOut = new AtomicBoolean();
        long inserts = 0;
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            watchdog.schedule(() -> {
                timedOut.set(true);
                connection.close();
                return null;
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
            PGReplicationStream stream = connection.unwrap(PGConnection.class).getReplicationAPI()
                    .replicationStream().logical()
                    .withSlotName(target.slot())
                    .withSlotOption("proto_version", "1")
                    .withSlotOption("publication_names", target.publication())
                    .withStatusInterval(10, TimeUnit.SECONDS)
                    .start();
            while (inserts < rows) {
                ByteBuffer message = stream.read();
                if (message.get(message.position()) == 'I') {
                    inserts++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            stream.close();
            return seconds;
        } catch (SQLException e) {
            throw new IllegalStateException(timedOut.get()
                    ? "only " + inserts + " of " + rows + " inserts arrived in " + timeout
                    : "the PgJDBC slot reader failed on " + target.slot() + ": " + e.getMessage(), e);
        } finally {
            watchdog.shutdownNow();
        }
    }
}
