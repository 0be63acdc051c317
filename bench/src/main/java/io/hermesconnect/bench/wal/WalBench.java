package io.hermesconnect.bench.wal;

import io.hermesconnect.bench.CommandLine;
import io.hermesconnect.bench.report.Machine;
import io.hermesconnect.bench.stack.ConnectWorker;
import io.hermesconnect.bench.stack.KafkaBroker;
import io.hermesconnect.bench.stack.KafkaRuntime;
import io.hermesconnect.bench.stack.Topics;
import io.hermesconnect.testkit.postgres.PostgresServer;
import io.hermesconnect.testkit.postgres.PostgresVersion;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The WAL benchmark: our PostgreSQL source beside Debezium's in one Connect worker, and the server's raw
 * decoding limit, on the same workloads. See bench/README.md; run it with bench/wal-bench.sh.
 *
 * <p>For each workload every consumer gets its own slot and publication, all created before the rows are
 * written, so each slot holds exactly the same changes; the consumers then drain their slots one after
 * another. Everything the run starts (PostgreSQL, broker, worker, slots) is stopped or dropped at the end,
 * on failure and on Ctrl-C too.
 */
public final class WalBench {

    private final WalBenchOptions options;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private WalReport report;
    private BenchDatabase db;
    private ConnectorBench connectors;
    private PgRecvLogical pgRecvLogical;
    private List<String> consumers;
    /** Where the measured connector runs' flight recordings go with --profile; null without. */
    private Path recordings;

    private WalBench(WalBenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Optional<WalBenchOptions> parsed = CommandLine.parseOrExit(args, WalBenchOptions.USAGE, WalBenchOptions::parse);
        if (parsed.isEmpty()) {
            return;
        }
        WalBenchOptions options = parsed.get();
        WalBench bench = new WalBench(options);
        Thread cleanup = new Thread(bench::stopEverything, "wal-bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup); // Ctrl-C; stopping twice is harmless
        int status;
        try {
            status = bench.run();
        } catch (RuntimeException | AssertionError e) {
            e.printStackTrace();
            status = 1;
        } finally {
            bench.stopEverything();
        }
        System.exit(status);
    }

    private int run() {
        Machine machine = Machine.describe();
        log("machine: " + machine.summary());
        Path workDir = freshDirectory(options.workDir());
        KafkaRuntime runtime = KafkaRuntime.prepare(options.kafkaClasspath(), workDir);

        consumers = new ArrayList<>(options.consumers());
        if (consumers.contains("pg_recvlogical")) {
            pgRecvLogical = PgRecvLogical.find(options.pgRecvLogical());
            if (pgRecvLogical == null) {
                log("pg_recvlogical: not found (" + options.pgRecvLogical() + "), skipped; "
                        + "install Debian's postgresql-client or pass --pg-recvlogical=PATH");
                consumers.remove("pg_recvlogical");
            }
        }

        log("starting PostgreSQL " + options.postgresMajor() + ", Kafka broker, Connect worker");
        PostgresServer postgres = startedResource(PostgresServer.start(postgresVersion(options.postgresMajor())));
        db = new BenchDatabase(postgres);
        KafkaBroker broker = startedResource(KafkaBroker.start(runtime, directory(workDir.resolve("kafka"))));
        ConnectWorker worker = startedResource(ConnectWorker.start(runtime, directory(workDir.resolve("connect")),
                broker.bootstrapServers(), options.pluginPath().toAbsolutePath(), options.workerHeap(),
                options.workerSettings(), options.profile()));
        Topics topics = startedResource(new Topics(broker.bootstrapServers()));
        connectors = new ConnectorBench(worker, topics, db, options.hermesSettings());
        if (options.profile()) {
            recordings = directory(workDir.resolve("jfr"));
        }
        dropMissingConnectors(worker.connectorClasses());

        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("postgres", db.serverVersion());
        setup.put("pgRecvLogical", pgRecvLogical == null ? null : pgRecvLogical.version());
        setup.put("consumers", consumers);
        setup.put("workerHeap", options.workerHeap());
        setup.put("workerSettings", new TreeMap<>(worker.config()));
        setup.put("hermesSettings", options.hermesSettings());
        setup.put("pluginPath", options.pluginPath().toAbsolutePath().toString());
        setup.put("profile", options.profile());
        report = new WalReport(machine, setup);

        warmUp();
        List<Workload> workloads = List.of(
                new Workload("small", options.small(), 1),
                new Workload("bulk", options.bulk(), options.bulkTransactionRows()),
                new Workload("huge", options.huge(), options.huge()));
        for (Workload workload : workloads) {
            if (options.workloads().contains(workload.name())) {
                runWorkload(workload, List.copyOf(consumers), true);
            }
        }
        if (options.workloads().contains("latency")) {
            runLatency();
        }

        System.out.println(report.text());
        report.writeJson(options.output());
        log("JSON written to " + options.output() + "; load average now " + Machine.load());
        return report.hasFailures() ? 1 : 0;
    }

    /** Connector peers the worker did not load (e.g. our ZIP not built yet) are skipped with a note. */
    private void dropMissingConnectors(List<String> loaded) {
        for (Peer peer : Peer.values()) {
            if (consumers.contains(peer.id()) && !loaded.contains(peer.connectorClass())) {
                log(peer.id() + ": " + peer.connectorClass() + " is not in " + options.pluginPath() + ", skipped");
                consumers.remove(peer.id());
            }
        }
    }

    /**
     * Unmeasured: each connector once through the whole path, so the JIT has compiled it before it is timed.
     * A connector that fails here is reported and left out of the measured runs.
     */
    private void warmUp() {
        List<String> peers = peers().stream().map(Peer::id).toList();
        if (options.warmup() > 0 && !peers.isEmpty()) {
            log("warm-up: " + options.warmup() + " rows for " + peers);
            runWorkload(new Workload("warmup", options.warmup(), 100), peers, false);
        }
    }

    private void runWorkload(Workload workload, List<String> readers, boolean measured) {
        db.createTable(workload.name());
        List<SlotTarget> targets = readers.stream().map(c -> SlotTarget.of(c, workload.name())).toList();
        targets.forEach(db::createSlot);
        double seconds = db.generate(workload, workload.name());
        String endLsn = db.currentLsn();
        log(workload.name() + ": generated " + workload.describe() + " in " + String.format("%.1f", seconds)
                + " s; each of " + readers + " now drains its own slot");
        for (int i = 0; i < readers.size(); i++) {
            String consumer = readers.get(i);
            SlotTarget target = targets.get(i);
            try {
                ThroughputResult result = measure(consumer, workload, target, endLsn, measured);
                if (measured) {
                    report.add(result);
                }
                log(String.format("  %-15s %,10.0f events/s  (%.2f s)%s", consumer, result.eventsPerSecond(), result.seconds(),
                        result.records() == result.events() ? "" : "; the topic holds " + result.records() + " records"));
                if (result.profile() != null) {
                    log(String.format("  %-15s %,d CPU samples in %s", consumer, result.profile().samples(),
                            result.profile().recording()));
                }
            } catch (RuntimeException | AssertionError e) {
                log("  " + consumer + " FAILED on " + workload.name() + ": " + e.getMessage());
                report.failed(consumer + " on " + workload.name(), e);
                if (!measured) {
                    consumers.remove(consumer);
                }
            } finally {
                db.dropSlot(target);
            }
        }
        db.dropTable(workload.name());
    }

    private ThroughputResult measure(String consumer, Workload workload, SlotTarget target, String endLsn,
            boolean measured) {
        return switch (consumer) {
            case "pg_recvlogical" -> ThroughputResult.raw(workload, consumer, pgRecvLogical.read(db, target, endLsn,
                    ConnectorBench.timeoutFor(workload.rows()),
                    options.workDir().resolve("pg_recvlogical-" + workload.name() + ".log")));
            case "jdbc" -> ThroughputResult.raw(workload, consumer,
                    JdbcSlotReader.read(db, target, workload.rows(), ConnectorBench.timeoutFor(workload.rows())));
            default -> connectors.throughput(peer(consumer), workload, target, recording(consumer, workload, measured));
        };
    }

    /** The file for a connector run's flight recording: with --profile, for measured runs only (no warm-up). */
    private Path recording(String consumer, Workload workload, boolean measured) {
        return recordings == null || !measured ? null : recordings.resolve(consumer + "-" + workload.name() + ".jfr");
    }

    /** Each connector alone on a fresh slot of one table: a probe row, then the fixed-rate inserts. */
    private void runLatency() {
        String table = "latency";
        db.createTable(table);
        for (Peer peer : peers()) {
            SlotTarget target = SlotTarget.of(peer.id(), table);
            db.createSlot(target);
            try {
                log("latency: " + peer.id() + " at " + options.rate() + " rows/s for " + options.latencySeconds() + " s");
                LatencyResult result = connectors.latency(peer, target, options.rate(), options.latencySeconds());
                report.add(result);
                log(String.format("  %-15s p50 %.1f ms, p99 %.1f ms", peer.id(), result.p50Ms(), result.p99Ms()));
            } catch (RuntimeException | AssertionError e) {
                log("  " + peer.id() + " FAILED on latency: " + e.getMessage());
                report.failed(peer.id() + " on latency", e);
            } finally {
                db.dropSlot(target);
            }
        }
        db.dropTable(table);
    }

    private List<Peer> peers() {
        return Arrays.stream(Peer.values()).filter(p -> consumers.contains(p.id())).toList();
    }

    private static Peer peer(String id) {
        return Arrays.stream(Peer.values()).filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private <T extends AutoCloseable> T startedResource(T resource) {
        synchronized (started) {
            started.push(resource);
        }
        return resource;
    }

    /**
     * Stops what was started, last first; safe to call twice (Ctrl-C during a run). Slots are dropped after each
     * consumer's run; whatever a failure left behind goes with the PostgreSQL server, whose data is deleted.
     */
    private void stopEverything() {
        synchronized (started) {
            while (!started.isEmpty()) {
                AutoCloseable resource = started.pop();
                try {
                    resource.close();
                } catch (Exception e) {
                    // on Ctrl-C zonky's own shutdown hook may have stopped PostgreSQL first; closing again
                    // then finds it stopped and deletes its data
                    try {
                        resource.close();
                    } catch (Exception again) {
                        System.err.println("could not stop " + resource + ": " + again);
                    }
                }
            }
        }
    }

    private static PostgresVersion postgresVersion(int major) {
        return Arrays.stream(PostgresVersion.values()).filter(v -> v.major() == major).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--postgres takes one of "
                        + Arrays.stream(PostgresVersion.values()).map(PostgresVersion::major).toList()));
    }

    private static Path freshDirectory(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                }
            }
            return directory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not empty " + dir, e);
        }
    }

    private static Path directory(Path dir) {
        try {
            return Files.createDirectories(dir).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + dir, e);
        }
    }

    private static void log(String line) {
        System.out.println("[wal-bench] " + line);
    }
}
