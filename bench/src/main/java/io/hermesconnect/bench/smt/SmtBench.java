package io.hermesconnect.bench.smt;

import static io.hermesconnect.bench.report.TextTable.number;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hermesconnect.bench.CommandLine;
import io.hermesconnect.bench.report.Machine;
import io.hermesconnect.bench.report.TextTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The SMT benchmark: records/s and allocated bytes per record of our Filter and JinjaMapping beside Connect's
 * built-in transforms (see {@link SmtCase}), in-process on one thread. Each case and side runs in a fresh JVM
 * of its own, so one chain's JIT profile does not slow down the next. Run it with bench/smt-bench.sh.
 */
public final class SmtBench {

    private static final List<String> SIDES = List.of("connect", "hermes");
    private static final String RESULT_PREFIX = "SMT-RESULT ";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path RECORDINGS = Path.of("bench/target/smt-work");
    private static final int STACK_DEPTH = 256;
    private static final String USAGE = """
            Options (--name=value):
              --quick              1 s warm-up, 3 rounds of 1 s (default: 10 s warm-up, 5 rounds of 3 s)
              --warmup=SECONDS     warm-up per case and side
              --round=SECONDS      length of one timed round
              --rounds=N           timed rounds (the median is reported)
              --cases=a,b          of %s (default all)
              --heap=SIZE          -Xms/-Xmx of each measuring JVM (default 1g)
              --out=FILE           JSON results (default bench/target/smt-bench.json)
              --profile            allocation and CPU profile (JFR) of each case and side's timed rounds,
                                   recordings in bench/target/smt-work/<case>-<side>.jfr
            """.formatted(Arrays.stream(SmtCase.values()).map(SmtCase::id).toList());

    private SmtBench() {
    }

    public static void main(String[] args) throws IOException {
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        CommandLine line;
        try {
            line = new CommandLine(args, Set.of("warmup", "round", "rounds", "cases", "heap", "out", "fork"),
                    Set.of("quick", "profile"), null, USAGE);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        boolean quick = line.flag("quick");
        double warmup = line.decimal("warmup", quick ? 1 : 10);
        double round = line.decimal("round", quick ? 1 : 3);
        int rounds = (int) line.number("rounds", quick ? 3 : 5, 1);
        boolean profile = line.flag("profile");
        String fork = line.string("fork", null);
        if (fork != null) {
            String[] caseAndSide = fork.split("/");
            Path recording = profile ? RECORDINGS.resolve(caseAndSide[0] + "-" + caseAndSide[1] + ".jfr") : null;
            SmtMeasurement result = SmtMeasurement.run(SmtCase.forId(caseAndSide[0]), caseAndSide[1], warmup, round,
                    rounds, recording);
            System.out.println(RESULT_PREFIX + JSON.writeValueAsString(result));
            return;
        }

        Machine machine = Machine.describe();
        System.out.println("[smt-bench] machine: " + machine.cores() + " cores, load average " + machine.loadAtStart());
        List<String> caseIds = line.list("cases", Arrays.stream(SmtCase.values()).map(SmtCase::id).toList());
        List<SmtMeasurement> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String caseId : caseIds) {
            for (String side : SIDES) {
                try {
                    SmtMeasurement result = runForked(caseId + "/" + side, line.string("heap", "1g"), warmup, round,
                            rounds, profile);
                    results.add(result);
                    System.out.printf("[smt-bench] %-18s %-8s %,12.0f records/s %,8.0f B/record%n",
                            caseId, side, result.recordsPerSecond(), result.allocatedBytesPerRecord());
                } catch (RuntimeException e) {
                    failures.add(caseId + "/" + side + ": " + e.getMessage());
                    System.out.println("[smt-bench] " + caseId + " " + side + " FAILED: " + e.getMessage());
                }
            }
        }
        System.out.println(text(results, failures));
        Path out = Path.of(line.string("out", "bench/target/smt-bench.json"));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("benchmark", "smt");
        document.put("machine", machine);
        document.put("loadAverageAtEnd", Machine.load());
        document.put("setup",
                Map.of("warmupSeconds", warmup, "roundSeconds", round, "rounds", rounds, "profile", profile));
        document.put("results", results);
        document.put("ratios", ratios(results));
        document.put("failures", failures);
        Files.createDirectories(out.toAbsolutePath().getParent());
        JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), document);
        System.out.println("[smt-bench] JSON written to " + out + "; load average now " + Machine.load());
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    /** Runs one case and side in a fresh JVM with this class path and reads its result line. */
    private static SmtMeasurement runForked(String caseAndSide, String heap, double warmup, double round, int rounds,
            boolean profile) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC",
                "-Dlog4j2.configurationFile=bench-log4j2.xml"));
        if (profile) {
            // JFR keeps 64 frames from the leaf by default: a deeper stack would lose our frame, which names the site
            command.add("-XX:FlightRecorderOptions:stackdepth=" + STACK_DEPTH);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SmtBench.class.getName(),
                "--fork=" + caseAndSide, "--warmup=" + warmup, "--round=" + round, "--rounds=" + rounds));
        if (profile) {
            command.add("--profile");
        }
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            long timeoutSeconds = (long) (warmup + round * rounds) + 120;
            byte[] output;
            try {
                output = process.getInputStream().readAllBytes(); // ends when the JVM exits
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("did not finish in " + timeoutSeconds + " s");
                }
            } finally {
                process.destroyForcibly();
            }
            String text = new String(output, StandardCharsets.UTF_8);
            Optional<String> result = text.lines().filter(l -> l.startsWith(RESULT_PREFIX)).findFirst();
            if (result.isEmpty()) {
                throw new IllegalStateException("no result (exit " + process.exitValue() + "):\n" + text.strip());
            }
            return JSON.readValue(result.get().substring(RESULT_PREFIX.length()), SmtMeasurement.class);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + caseAndSide, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + caseAndSide, e);
        }
    }

    /** ours / built-in, per case: throughput and allocation. */
    private static List<Map<String, Object>> ratios(List<SmtMeasurement> results) {
        List<Map<String, Object>> ratios = new ArrayList<>();
        for (SmtCase smtCase : SmtCase.values()) {
            Optional<SmtMeasurement> ours = find(results, smtCase.id(), "hermes");
            Optional<SmtMeasurement> theirs = find(results, smtCase.id(), "connect");
            if (ours.isPresent() && theirs.isPresent()) {
                Map<String, Object> ratio = new LinkedHashMap<>();
                ratio.put("case", smtCase.id());
                ratio.put("recordsPerSecondHermesOverConnect", ours.get().recordsPerSecond() / theirs.get().recordsPerSecond());
                ratio.put("bytesPerRecordHermesOverConnect",
                        ours.get().allocatedBytesPerRecord() / theirs.get().allocatedBytesPerRecord());
                ratios.add(ratio);
            }
        }
        return ratios;
    }

    private static Optional<SmtMeasurement> find(List<SmtMeasurement> results, String caseId, String side) {
        return results.stream().filter(r -> r.caseId().equals(caseId) && r.side().equals(side)).findFirst();
    }

    private static String text(List<SmtMeasurement> results, List<String> failures) {
        TextTable table = new TextTable("case", "side", "work", "records/s", "slowest round", "fastest round",
                "bytes/record", "kept %");
        for (SmtMeasurement r : results) {
            table.row(r.caseId(), r.side(), r.work(),
                    number(r.recordsPerSecond(), 0), number(r.slowestRoundRecordsPerSecond(), 0),
                    number(r.fastestRoundRecordsPerSecond(), 0), number(r.allocatedBytesPerRecord(), 0),
                    number(r.keptPercent(), 1));
        }
        TextTable ratioTable = new TextTable("case", "records/s hermes/connect", "bytes/record hermes/connect");
        for (Map<String, Object> ratio : ratios(results)) {
            ratioTable.row(ratio.get("case"), number((Double) ratio.get("recordsPerSecondHermesOverConnect"), 2),
                    number((Double) ratio.get("bytesPerRecordHermesOverConnect"), 2));
        }
        StringBuilder out = new StringBuilder("\nSMT throughput, one thread\n").append(table)
                .append("\nRatios\n").append(ratioTable).append(SmtProfileTables.text(results));
        if (!failures.isEmpty()) {
            out.append("\nFailures\n");
            failures.forEach(f -> out.append("  ").append(f).append('\n'));
        }
        return out.toString();
    }
}
