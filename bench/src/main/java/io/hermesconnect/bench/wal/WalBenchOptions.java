package io.hermesconnect.bench.wal;

import io.hermesconnect.bench.CommandLine;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of the WAL benchmark. {@code --quick} changes the defaults to small sizes; options
 * given explicitly win. {@code --worker.<key>=<value>} adds or overrides a Connect worker setting;
 * {@code --hermes-settings=k=v,...} does the same for our connector's config (to measure a non-default setting).
 */
public record WalBenchOptions(long small, long bulk, long bulkTransactionRows, long huge, long warmup, int rate,
        int latencySeconds, List<String> workloads, List<String> consumers, int postgresMajor, Path pluginPath,
        Path kafkaClasspath, Path workDir, Path output, String workerHeap, Map<String, String> workerSettings,
        String pgRecvLogical, boolean profile, Map<String, String> hermesSettings) {

    public static final List<String> WORKLOADS = List.of("small", "bulk", "huge", "latency");
    public static final List<String> CONSUMERS = List.of("pg_recvlogical", "jdbc", "debezium", "hermes");

    static final String USAGE = """
            Options (--name=value):
              --quick                 small defaults: 2k / 20k / 50k rows, 5k warm-up, 5 s latency run
              --small=N               single-row transactions               (default 100000)
              --bulk=N                rows in transactions of --bulk-txn rows (default 1000000)
              --bulk-txn=N            rows per bulk transaction             (default 1000)
              --huge=N                rows in one transaction               (default 2000000)
              --warmup=N              unmeasured rows per connector first, 100-row txns (default 100000; 0: none)
              --rate=N                rows/s of the latency run             (default 5000)
              --latency-seconds=N     length of the latency run             (default 30)
              --workloads=a,b         of small,bulk,huge,latency            (default all)
              --consumers=a,b         of pg_recvlogical,jdbc,debezium,hermes (default all that are available)
              --postgres=13|17        PostgreSQL major                      (default 17)
              --plugin-path=DIR       Connect plugin.path                   (default bench/target/plugins)
              --kafka-classpath=FILE  broker/worker class path              (default bench/target/stack/kafka.classpath)
              --work-dir=DIR          logs and Kafka data, emptied first    (default bench/target/wal-work)
              --out=FILE              JSON results                          (default bench/target/wal-bench.json)
              --worker-heap=SIZE      worker -Xms/-Xmx                      (default 1g)
              --worker.KEY=VALUE      Connect worker setting, e.g. --worker.producer.linger.ms=5
              --pg-recvlogical=PATH   the tool                              (default pg_recvlogical on PATH)
              --profile               the worker's CPU profile of each connector run (JFR), see bench/README.md
              --hermes-settings=K=V,..  our connector's settings beyond the common ones, e.g. streaming.enabled=false
            """;

    static WalBenchOptions parse(String... args) {
        CommandLine line = new CommandLine(args,
                Set.of("small", "bulk", "bulk-txn", "huge", "warmup", "rate", "latency-seconds", "workloads",
                        "consumers", "postgres", "plugin-path", "kafka-classpath", "work-dir", "out", "worker-heap",
                        "pg-recvlogical", "hermes-settings"),
                Set.of("quick", "profile"), "worker.", USAGE);
        boolean quick = line.flag("quick");
        return new WalBenchOptions(
                line.number("small", quick ? 2_000 : 100_000, 1),
                line.number("bulk", quick ? 20_000 : 1_000_000, 1),
                line.number("bulk-txn", 1_000, 1),
                line.number("huge", quick ? 50_000 : 2_000_000, 1),
                line.number("warmup", quick ? 5_000 : 100_000, 0),
                (int) line.number("rate", 5_000, 100),
                (int) line.number("latency-seconds", quick ? 5 : 30, 1),
                line.list("workloads", WORKLOADS),
                line.list("consumers", CONSUMERS),
                (int) line.number("postgres", 17, 10),
                Path.of(line.string("plugin-path", "bench/target/plugins")),
                Path.of(line.string("kafka-classpath", "bench/target/stack/kafka.classpath")),
                Path.of(line.string("work-dir", "bench/target/wal-work")),
                Path.of(line.string("out", "bench/target/wal-bench.json")),
                line.string("worker-heap", "1g"),
                line.passThrough(),
                line.string("pg-recvlogical", "pg_recvlogical"),
                line.flag("profile"),
                settings("hermes-settings", line.string("hermes-settings", "")));
    }

    /** {@code k=v,k2=v2} as a map, in order. */
    static Map<String, String> settings(String option, String text) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--" + option + " takes key=value pairs separated by commas, not " + pair);
            }
            settings.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return settings;
    }
}
