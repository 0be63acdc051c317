package io.hermesconnect.bench.diff;

import io.hermesconnect.bench.CommandLine;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Command-line options of the polling-diff state benchmark. */
record DiffStateBenchOptions(List<Long> sizes, String restoreHeap, Path kafkaClasspath, Path workDir, Path output) {

    static final String USAGE = """
            Options (--name=value):
              --sizes=N,M              objects in the state, one run each (default 100000,1000000)
              --restore-heap=SIZE      -Xmx of the restoring JVM (default 512m)
              --kafka-classpath=FILE   broker class path (default bench/target/stack/kafka.classpath)
              --work-dir=DIR           broker data, local copies, logs (default bench/target/diff-state-work)
              --out=FILE               JSON results (default bench/target/diff-state-bench.json)
            """;

    static DiffStateBenchOptions parse(String... args) {
        CommandLine line = new CommandLine(args, Set.of("sizes", "restore-heap", "kafka-classpath", "work-dir", "out"),
                Set.of(), null, USAGE);
        List<Long> sizes;
        try {
            sizes = Arrays.stream(line.string("sizes", "100000,1000000").split(","))
                    .map(size -> Long.parseLong(size.strip().replace("_", ""))).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--sizes takes whole numbers separated by commas\n" + USAGE, e);
        }
        if (sizes.stream().anyMatch(size -> size < 1)) {
            throw new IllegalArgumentException("--sizes must be at least 1 each\n" + USAGE);
        }
        return new DiffStateBenchOptions(sizes,
                line.string("restore-heap", "512m"),
                Path.of(line.string("kafka-classpath", "bench/target/stack/kafka.classpath")),
                Path.of(line.string("work-dir", "bench/target/diff-state-work")),
                Path.of(line.string("out", "bench/target/diff-state-bench.json")));
    }
}
