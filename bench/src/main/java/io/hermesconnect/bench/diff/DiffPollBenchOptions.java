package io.hermesconnect.bench.diff;

import io.hermesconnect.bench.CommandLine;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Command-line options of the polling-diff poll benchmark. */
record DiffPollBenchOptions(List<Long> sizes, long mergeSize, String workerHeap, boolean profile, Path kafkaClasspath,
        Path pluginPath, Path workDir, Path output) {

    static final String USAGE = """
            Options (--name=value):
              --quick                  100k rows only, the two-source merge at 100k too
              --full                   adds 10M rows
              --merge-size=N           rows of the two-source merge case (default 1000000, --quick 100000; 0: none)
              --worker-heap=SIZE       worker -Xms/-Xmx, also the plain read's (default 512m)
              --profile                CPU profile (JFR) of each measured poll
              --kafka-classpath=FILE   broker/worker class path (default bench/target/stack/kafka.classpath)
              --plugin-path=DIR        the worker's plugin.path (default bench/target/diff-plugins)
              --work-dir=DIR           broker data, worker, local state, logs (default bench/target/diff-poll-work)
              --out=FILE               JSON results (default bench/target/diff-poll-bench.json)
            """;

    static DiffPollBenchOptions parse(String... args) {
        CommandLine line = new CommandLine(args, Set.of("merge-size", "worker-heap", "kafka-classpath", "plugin-path",
                "work-dir", "out"), Set.of("quick", "full", "profile"), null, USAGE);
        boolean quick = line.flag("quick");
        if (quick && line.flag("full")) {
            throw new IllegalArgumentException("--quick and --full exclude each other\n" + USAGE);
        }
        List<Long> sizes = quick ? List.of(100_000L)
                : line.flag("full") ? List.of(100_000L, 1_000_000L, 10_000_000L) : List.of(100_000L, 1_000_000L);
        return new DiffPollBenchOptions(sizes,
                line.number("merge-size", quick ? 100_000 : 1_000_000, 0),
                line.string("worker-heap", "512m"),
                line.flag("profile"),
                Path.of(line.string("kafka-classpath", "bench/target/stack/kafka.classpath")),
                Path.of(line.string("plugin-path", "bench/target/diff-plugins")),
                Path.of(line.string("work-dir", "bench/target/diff-poll-work")),
                Path.of(line.string("out", "bench/target/diff-poll-bench.json")));
    }
}
