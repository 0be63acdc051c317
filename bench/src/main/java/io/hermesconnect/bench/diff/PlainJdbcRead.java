package io.hermesconnect.bench.diff;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * The limit a poll is compared with, in a JVM of its own with the worker's heap: each query read the way the
 * connector's JDBC fetcher reads it (one transaction, the same fetch size, rows streamed), every column read with
 * {@code getObject}, nothing kept. Each query is read twice and the second read timed, so the JIT has compiled the
 * driver as in the worker after its first poll. Writes {@code rows}, {@code millis} and the JVM's
 * {@code cpuMillis} (both queries summed).
 * <p>Arguments: JDBC URL, user, password, fetch size, result file, then the queries.
 */
public final class PlainJdbcRead {

    private PlainJdbcRead() {
    }

    public static void main(String[] args) throws SQLException, IOException {
        String url = args[0];
        Properties login = new Properties();
        login.setProperty("user", args[1]);
        login.setProperty("password", args[2]);
        int fetchSize = Integer.parseInt(args[3]);
        Path resultFile = Path.of(args[4]);
        List<String> queries = List.of(args).subList(5, args.length);
        long rows = 0;
        long nanos = 0;
        long cpuNanos = 0;
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Connection connection = DriverManager.getConnection(url, login)) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            for (String query : queries) {
                read(connection, query, fetchSize); // warm-up
                long start = System.nanoTime();
                long cpuStart = os.getProcessCpuTime();
                rows += read(connection, query, fetchSize);
                nanos += System.nanoTime() - start;
                cpuNanos += os.getProcessCpuTime() - cpuStart;
            }
        }
        Properties result = new Properties();
        result.setProperty("rows", Long.toString(rows));
        result.setProperty("millis", Long.toString(nanos / 1_000_000));
        result.setProperty("cpuMillis", Long.toString(cpuNanos / 1_000_000));
        result.setProperty("jvm", ManagementFactory.getRuntimeMXBean().getInputArguments().toString());
        try (OutputStream out = Files.newOutputStream(resultFile)) {
            result.store(out, "plain JDBC read");
        }
    }

    private static long read(Connection connection, String query, int fetchSize) throws SQLException {
        long rows = 0;
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(fetchSize);
            try (ResultSet result = statement.executeQuery(query)) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    for (int column = 1; column <= columns; column++) {
                        result.getObject(column);
                    }
                    rows++;
                }
            }
        }
        connection.commit();
        return rows;
    }
}
