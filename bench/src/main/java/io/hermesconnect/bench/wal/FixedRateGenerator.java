package io.hermesconnect.bench.wal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Inserts rows at a fixed rate: every 10 ms one transaction of {@code rate / 100} rows, on an absolute
 * schedule (a late tick is caught up at once, so the average rate holds even when single ticks slip).
 */
final class FixedRateGenerator {

    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** What was generated: rows, and the rate actually achieved (rows/s). */
    record Generated(long rows, double achievedRate) {
    }

    private FixedRateGenerator() {
    }

    /** Inserts {@code rowsPerSecond * seconds} rows numbered from {@code firstRow}. */
    static Generated run(BenchDatabase db, String table, int rowsPerSecond, int seconds, long firstRow) {
        long rowsPerTick = Math.max(1, rowsPerSecond / 100);
        long ticks = (long) seconds * rowsPerSecond / rowsPerTick;
        try (Connection connection = db.connect(); PreparedStatement insert = db.rowInserter(connection, table)) {
            long start = System.nanoTime();
            long next = firstRow;
            for (long tick = 0; tick < ticks; tick++) {
                long wait = start + tick * TICK_NANOS - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                insert.setLong(1, next);
                insert.setLong(2, next + rowsPerTick - 1);
                insert.executeUpdate();
                next += rowsPerTick;
            }
            long rows = next - firstRow;
            return new Generated(rows, rows / ((System.nanoTime() - start) / 1e9));
        } catch (SQLException e) {
            throw new IllegalStateException("the fixed-rate generator failed: " + e.getMessage(), e);
        }
    }
}
