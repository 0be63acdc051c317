package io.hermesconnect.bench.smt;

import io.hermesconnect.bench.CommandLine;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Command-line options of the SMT benchmark, in JMH's terms: each case and side runs in {@code forks} fresh JVMs,
 * each doing {@code warmupIterations} unmeasured iterations, then {@code iterations} measured ones. {@code --quick}
 * changes the defaults; options given explicitly win.
 */
record SmtBenchOptions(int forks, int warmupIterations, double warmupSeconds, int iterations,
        double iterationSeconds, List<String> cases, String heap, Path output, Path workDir, boolean profile) {

    static final List<String> CASES = Arrays.stream(SmtCase.values()).map(SmtCase::id).toList();
    /** JMH gives no error bar on fewer measured iterations (forks × iterations). */
    static final int MIN_MEASUREMENTS = 3;

    static final String USAGE = """
            Options (--name=value):
              --quick                  1 fork, 3 warm-up and 5 measured iterations of 1 s
                                       (default: 2 forks, 5 warm-up and 5 measured iterations of 2 s)
              --forks=N                fresh JVMs per case and side
              --warmup-iterations=N    unmeasured iterations per fork (0: none)
              --warmup-time=SECONDS    length of one warm-up iteration
              --iterations=N           measured iterations per fork; forks x iterations must be at least %d
              --iteration-time=SECONDS length of one measured iteration
              --cases=a,b              of %s (default all)
              --heap=SIZE              -Xms/-Xmx of each fork (default 1g)
              --out=FILE               JSON results (default bench/target/smt-bench.json)
              --work-dir=DIR           JMH's logs and result files, recordings (default bench/target/smt-work)
              --profile                allocation and CPU profile (JFR) of each case and side's measured
                                       iterations (the last fork's), recordings under the work directory
            """.formatted(MIN_MEASUREMENTS, CASES);

    static SmtBenchOptions parse(String... args) {
        CommandLine line = new CommandLine(args, Set.of("forks", "warmup-iterations", "warmup-time", "iterations",
                "iteration-time", "cases", "heap", "out", "work-dir"), Set.of("quick", "profile"), null, USAGE);
        boolean quick = line.flag("quick");
        int forks = (int) line.number("forks", quick ? 1 : 2, 1);
        int iterations = (int) line.number("iterations", 5, 1);
        if ((long) forks * iterations < MIN_MEASUREMENTS) {
            throw new IllegalArgumentException("--forks x --iterations must be at least " + MIN_MEASUREMENTS
                    + " for an error bar, not " + forks + " x " + iterations);
        }
        return new SmtBenchOptions(forks,
                (int) line.number("warmup-iterations", quick ? 3 : 5, 0),
                line.decimal("warmup-time", quick ? 1 : 2),
                iterations,
                line.decimal("iteration-time", quick ? 1 : 2),
                line.list("cases", CASES),
                line.string("heap", "1g"),
                Path.of(line.string("out", "bench/target/smt-bench.json")),
                Path.of(line.string("work-dir", "bench/target/smt-work")),
                line.flag("profile"));
    }

    /** Seconds of warm-up and measurement per case and side, JVM start-up aside. */
    double secondsPerCaseAndSide() {
        return forks * (warmupIterations * warmupSeconds + iterations * iterationSeconds);
    }
}
