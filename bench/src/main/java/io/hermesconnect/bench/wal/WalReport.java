package io.hermesconnect.bench.wal;

import static io.hermesconnect.bench.report.TextTable.number;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hermesconnect.bench.profile.ProfileSummary;
import io.hermesconnect.bench.profile.ProfileTables;
import io.hermesconnect.bench.report.Machine;
import io.hermesconnect.bench.report.TextTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The WAL benchmark's results: tables on standard output and one JSON document. */
final class WalReport {

    /** {@code numerator}'s figure divided by {@code denominator}'s, for one workload and figure. */
    record Ratio(String workload, String figure, String numerator, String denominator, double value) {
    }

    private static final String[][] THROUGHPUT_RATIOS = {
            {"hermes", "debezium"}, {"hermes", "pg_recvlogical"}, {"hermes", "jdbc"}, {"debezium", "pg_recvlogical"}};

    private final Map<String, Object> context = new LinkedHashMap<>();
    private final List<ThroughputResult> throughput = new ArrayList<>();
    private final List<LatencyResult> latency = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    WalReport(Machine machine, Map<String, Object> setup) {
        context.put("benchmark", "wal");
        context.put("machine", machine);
        context.put("setup", setup);
    }

    void add(ThroughputResult result) {
        throughput.add(result);
    }

    void add(LatencyResult result) {
        latency.add(result);
    }

    void failed(String what, Throwable error) {
        failures.add(what + ": " + error);
    }

    boolean hasFailures() {
        return !failures.isEmpty();
    }

    List<Ratio> ratios() {
        List<Ratio> ratios = new ArrayList<>();
        for (String workload : throughput.stream().map(ThroughputResult::workload).distinct().toList()) {
            for (String[] pair : THROUGHPUT_RATIOS) {
                Optional<ThroughputResult> top = find(workload, pair[0]);
                Optional<ThroughputResult> bottom = find(workload, pair[1]);
                if (top.isPresent() && bottom.isPresent()) {
                    ratios.add(new Ratio(workload, "events/s", pair[0], pair[1],
                            top.get().eventsPerSecond() / bottom.get().eventsPerSecond()));
                }
            }
        }
        Optional<LatencyResult> ours = latency.stream().filter(l -> l.consumer().equals("hermes")).findFirst();
        Optional<LatencyResult> theirs = latency.stream().filter(l -> l.consumer().equals("debezium")).findFirst();
        if (ours.isPresent() && theirs.isPresent()) {
            ratios.add(new Ratio("latency", "p50 ms", "hermes", "debezium", ours.get().p50Ms() / theirs.get().p50Ms()));
            ratios.add(new Ratio("latency", "p99 ms", "hermes", "debezium", ours.get().p99Ms() / theirs.get().p99Ms()));
        }
        return ratios;
    }

    private Optional<ThroughputResult> find(String workload, String consumer) {
        return throughput.stream().filter(r -> r.workload().equals(workload) && r.consumer().equals(consumer)).findFirst();
    }

    String text() {
        StringBuilder out = new StringBuilder();
        if (!throughput.isEmpty()) {
            TextTable table = new TextTable("workload", "consumer", "events", "seconds", "events/s", "startup s",
                    "peak heap MB", "live heap MB", "worker CPU s", "CPU us/event", "load avg");
            for (ThroughputResult r : throughput) {
                table.row(r.workload() + " (" + r.workloadDescription() + ")", r.consumer(), r.events(),
                        number(r.seconds(), 2), number(r.eventsPerSecond(), 0), number(r.startupSeconds(), 2),
                        number(r.peakHeapMb(), 0), number(r.liveHeapMb(), 0), number(r.workerCpuSeconds(), 1),
                        number(r.workerCpuMicrosPerEvent(), 1), r.loadAverage());
            }
            out.append("\nThroughput (slot backlog -> last record in Kafka)\n").append(table);
            Map<String, ProfileSummary> profiles = new LinkedHashMap<>();
            throughput.stream().filter(r -> r.profile() != null)
                    .forEach(r -> profiles.put(r.workload() + " / " + r.consumer(), r.profile()));
            if (!profiles.isEmpty()) {
                out.append(ProfileTables.text(profiles));
            }
        }
        if (!latency.isEmpty()) {
            TextTable table = new TextTable("consumer", "target rows/s", "achieved rows/s", "rows", "p50 ms", "p99 ms",
                    "max ms", "load avg");
            for (LatencyResult r : latency) {
                table.row(r.consumer(), r.targetRate(), number(r.achievedRate(), 0), r.rows(), number(r.p50Ms(), 1),
                        number(r.p99Ms(), 1), number(r.maxMs(), 1), r.loadAverage());
            }
            out.append("\nCommit -> Kafka latency at a fixed rate\n").append(table);
        }
        List<Ratio> ratios = ratios();
        if (!ratios.isEmpty()) {
            TextTable table = new TextTable("workload", "figure", "ratio", "value");
            for (Ratio r : ratios) {
                table.row(r.workload(), r.figure(), r.numerator() + " / " + r.denominator(), number(r.value(), 2));
            }
            out.append("\nRatios\n").append(table);
        }
        if (!failures.isEmpty()) {
            out.append("\nFailures\n");
            failures.forEach(f -> out.append("  ").append(f).append('\n'));
        }
        return out.toString();
    }

    void writeJson(Path file) {
        Map<String, Object> document = new LinkedHashMap<>(context);
        document.put("loadAverageAtEnd", Machine.load());
        document.put("throughput", throughput);
        document.put("latency", latency);
        document.put("ratios", ratios());
        document.put("failures", failures);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
