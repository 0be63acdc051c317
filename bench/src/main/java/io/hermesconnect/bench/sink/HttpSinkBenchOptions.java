package io.hermesconnect.bench.sink;

import io.hermesconnect.bench.CommandLine;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Command-line options of the HTTP sink benchmark: {@code events} requests per run, one run per server delay, side
 * and concurrency. {@code --quick} changes the defaults; options given explicitly win.
 */
record HttpSinkBenchOptions(int events, int warmupEvents, List<Integer> delaysMs, List<Integer> concurrencies,
        Path kafkaClasspath, Path workDir, Path output) {

    static final String USAGE = """
            Options (--name=value):
              --quick                  500 events per run, 500 warm-up events (default 5000 and 2000)
              --events=N               events (requests) per measured run
              --warmup-events=N        unmeasured events per side before the runs, to the fastest server
              --delays=MS,MS           the server's answer time in milliseconds, one run each (default 1,20)
              --concurrency=N,N        requests in flight, one run each (default 1,16)
              --kafka-classpath=FILE   broker class path (default bench/target/stack/kafka.classpath)
              --work-dir=DIR           broker data and logs (default bench/target/http-sink-work)
              --out=FILE               JSON results (default bench/target/http-sink-bench.json)
            """;

    static HttpSinkBenchOptions parse(String... args) {
        CommandLine line = new CommandLine(args, Set.of("events", "warmup-events", "delays", "concurrency",
                "kafka-classpath", "work-dir", "out"), Set.of("quick"), null, USAGE);
        boolean quick = line.flag("quick");
        return new HttpSinkBenchOptions(
                (int) line.number("events", quick ? 500 : 5000, 1),
                (int) line.number("warmup-events", quick ? 500 : 2000, 0),
                numbers(line, "delays", "1,20", 0),
                numbers(line, "concurrency", "1,16", 1),
                Path.of(line.string("kafka-classpath", "bench/target/stack/kafka.classpath")),
                Path.of(line.string("work-dir", "bench/target/http-sink-work")),
                Path.of(line.string("out", "bench/target/http-sink-bench.json")));
    }

    private static List<Integer> numbers(CommandLine line, String name, String defaultValue, int min) {
        List<Integer> numbers;
        try {
            numbers = Arrays.stream(line.string(name, defaultValue).split(","))
                    .map(number -> Integer.parseInt(number.strip())).distinct().toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " takes whole numbers separated by commas\n" + USAGE, e);
        }
        if (numbers.stream().anyMatch(number -> number < min)) {
            throw new IllegalArgumentException("--" + name + " must be at least " + min + " each\n" + USAGE);
        }
        return numbers;
    }
}
