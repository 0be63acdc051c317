package io.hermesconnect.bench.sink;

import io.hermesconnect.bench.CommandLine;
import java.nio.file.Path;
import java.util.Set;

/**
 * Command-line options of the LDAP sink benchmark: {@code entries} per operation and side, {@code parked} objects in
 * the error queue for the last run. {@code --quick} changes the defaults; options given explicitly win.
 */
record LdapSinkBenchOptions(int entries, int parked, int warmupEntries, Path kafkaClasspath, Path workDir, Path output) {

    static final String USAGE = """
            Options (--name=value):
              --quick                  2000 entries per run, 1000 parked, 500 warm-up
                                       (default 100000, 10000 and 2000)
              --entries=N              creates, modifies and membership adds per side
              --parked=N               objects parked in the error queue before the last creates
              --warmup-entries=N       unmeasured creates per side first
              --kafka-classpath=FILE   broker class path (default bench/target/stack/kafka.classpath)
              --work-dir=DIR           broker data and logs (default bench/target/ldap-sink-work)
              --out=FILE               JSON results (default bench/target/ldap-sink-bench.json)
            """;

    static LdapSinkBenchOptions parse(String... args) {
        CommandLine line = new CommandLine(args, Set.of("entries", "parked", "warmup-entries", "kafka-classpath", "work-dir",
                "out"), Set.of("quick"), null, USAGE);
        boolean quick = line.flag("quick");
        return new LdapSinkBenchOptions(
                (int) line.number("entries", quick ? 2000 : 100_000, 1),
                (int) line.number("parked", quick ? 1000 : 10_000, 0),
                (int) line.number("warmup-entries", quick ? 500 : 2000, 0),
                Path.of(line.string("kafka-classpath", "bench/target/stack/kafka.classpath")),
                Path.of(line.string("work-dir", "bench/target/ldap-sink-work")),
                Path.of(line.string("out", "bench/target/ldap-sink-bench.json")));
    }
}
