package io.hermesconnect.bench.smt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hermesconnect.bench.report.Estimate;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class JmhScoresTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A result file JMH 1.37 wrote for SmtBenchmark: 2 forks of 2 measured iterations, with the gc profiler. */
    private static Path twoForks() throws URISyntaxException {
        return Path.of(JmhScoresTest.class.getResource("jmh-result-two-forks.json").toURI());
    }

    @Test
    void readsThroughputAndAllocationWithTheirErrorsFromJmhsResultFile() throws URISyntaxException {
        JmhScores scores = JmhScores.read(twoForks());

        assertThat(scores.forks()).isEqualTo(2);
        assertThat(scores.measurements()).isEqualTo(4);
        assertThat(scores.opsPerSecond()).isEqualTo(new Estimate(737655.3401396833, 1924090.9427718949));
        assertThat(scores.bytesPerOp()).isEqualTo(new Estimate(266.61899844657125, 33.67302133459297));
    }

    @Test
    void anErrorJmhCouldNotComputeIsNotANumber() throws Exception {
        ArrayNode result = result();
        ((ObjectNode) result.get(0).get("primaryMetric")).put("scoreError", "NaN");

        assertThat(JmhScores.parse(result, "r.json").opsPerSecond().error()).isNaN();
    }

    @Test
    void noNormMeansNothingWasAllocated() throws Exception {
        ArrayNode result = result();
        ((ObjectNode) result.get(0).get("secondaryMetrics")).remove("gc.alloc.rate.norm");

        assertThat(JmhScores.parse(result, "r.json").bytesPerOp()).isEqualTo(new Estimate(0, 0));
    }

    @Test
    void refusesResultsItCannotReadAsRecordsPerSecondAndBytesPerRecord() throws Exception {
        ArrayNode averageTime = result();
        ((ObjectNode) averageTime.get(0)).put("mode", "avgt");
        ArrayNode withoutGcProfiler = result();
        ((ObjectNode) withoutGcProfiler.get(0)).putObject("secondaryMetrics");

        assertThatThrownBy(() -> JmhScores.parse(averageTime, "r.json"))
                .hasMessageContaining("r.json").hasMessageContaining("thrpt");
        assertThatThrownBy(() -> JmhScores.parse(withoutGcProfiler, "r.json")).hasMessageContaining("gc profiler");
        assertThatThrownBy(() -> JmhScores.parse(JSON.createArrayNode(), "r.json")).hasMessageContaining("one benchmark");
    }

    /** The two-fork result as a tree to alter. */
    private static ArrayNode result() throws Exception {
        return (ArrayNode) JSON.readTree(twoForks().toFile());
    }
}
