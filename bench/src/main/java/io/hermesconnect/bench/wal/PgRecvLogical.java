package io.hermesconnect.bench.wal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server's raw decoding limit: PostgreSQL's own {@code pg_recvlogical} streams the slot (pgoutput,
 * protocol 1, like Debezium) to {@code /dev/null} and exits at the workload's end LSN. No Java, no Kafka:
 * what is left is the walsender decoding WAL and the bytes crossing a local socket.
 */
final class PgRecvLogical {

    private final String executable;
    private final String version;

    private PgRecvLogical(String executable, String version) {
        this.executable = executable;
        this.version = version;
    }

    /** The tool if {@code executable} runs (a path, or a name looked up on PATH); otherwise null. */
    static PgRecvLogical find(String executable) {
        try {
            Process process = new ProcessBuilder(executable, "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes()).strip();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0
                    ? new PgRecvLogical(executable, output) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    String version() {
        return version;
    }

    /** Streams the slot up to {@code endLsn}; returns the seconds from process start to its exit. */
    double read(BenchDatabase db, SlotTarget target, String endLsn, Duration timeout, Path log) {
        ProcessBuilder builder = new ProcessBuilder(List.of(executable,
                "--host=" + db.host(), "--port=" + db.port(), "--username=" + db.user(), "--no-password",
                "--dbname=" + BenchDatabase.DATABASE, "--slot=" + target.slot(), "--start",
                "--endpos=" + endLsn, "--no-loop", "--fsync-interval=0", "--status-interval=10",
                "--option=proto_version=1", "--option=publication_names=" + target.publication(),
                "--file=/dev/null"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PGPASSWORD", db.password());
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + executable, e);
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("pg_recvlogical did not reach " + endLsn + " in " + timeout);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (process.exitValue() != 0) {
                throw new IllegalStateException("pg_recvlogical exited with " + process.exitValue() + ": "
                        + Files.readString(log).strip());
            }
            return seconds;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pg_recvlogical ran", e);
        } catch (IOException e) {
            throw new IllegalStateException("pg_recvlogical failed; cannot read " + log, e);
        } finally {
            process.destroyForcibly();
        }
    }
}
