package io.hermesconnect.bench.smt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hermesconnect.bench.report.Estimate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * What the SMT benchmark takes from the JSON result file of one JMH run of {@link SmtBenchmark} (one case and
 * side): the throughput and the allocation per operation ({@code gc.alloc.rate.norm} of JMH's gc profiler), each
 * with JMH's score error, and how many forks and measured iterations they rest on.
 */
record JmhScores(int forks, int measurements, Estimate opsPerSecond, Estimate bytesPerOp) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALLOCATION = "gc.alloc.rate.norm";
    private static final String ALLOCATION_RATE = "gc.alloc.rate";

    static JmhScores read(Path file) {
        try {
            return parse(JSON.readTree(file.toFile()), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read JMH's result file " + file, e);
        }
    }

    /** @param source the file, for errors */
    static JmhScores parse(JsonNode results, String source) {
        if (!results.isArray() || results.size() != 1) {
            throw new IllegalStateException(source + " should hold the result of one benchmark, not " + results.size());
        }
        JsonNode result = results.get(0);
        require(result.path("mode").asText().equals("thrpt"), source, "a throughput (thrpt) result");
        JsonNode primary = result.path("primaryMetric");
        require(primary.path("scoreUnit").asText().equals("ops/s"), source, "a primary score in ops/s");
        JsonNode secondary = result.path("secondaryMetrics");
        require(secondary.has(ALLOCATION_RATE), source, "the gc profiler's figures");
        // the gc profiler leaves the norm out of an iteration that allocated nothing at all
        Estimate bytesPerOp = new Estimate(0, 0);
        if (secondary.has(ALLOCATION)) {
            require(secondary.path(ALLOCATION).path("scoreUnit").asText().equals("B/op"), source, ALLOCATION + " in B/op");
            bytesPerOp = estimate(secondary.path(ALLOCATION));
        }
        JsonNode forks = primary.path("rawData"); // one array of iteration scores per fork
        int measurements = 0;
        for (JsonNode fork : forks) {
            measurements += fork.size();
        }
        return new JmhScores(forks.size(), measurements, estimate(primary), bytesPerOp);
    }

    /** JMH writes an error it could not compute (too few iterations) as the string "NaN". */
    private static Estimate estimate(JsonNode metric) {
        return new Estimate(metric.path("score").asDouble(Double.NaN), metric.path("scoreError").asDouble(Double.NaN));
    }

    private static void require(boolean condition, String source, String what) {
        if (!condition) {
            throw new IllegalStateException(source + " does not hold " + what + ": is it a result of SmtBenchmark?");
        }
    }
}
