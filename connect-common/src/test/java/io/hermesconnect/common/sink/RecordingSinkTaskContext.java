package io.hermesconnect.common.sink;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/**
 * A {@link SinkTaskContext} that records what the task asks of Connect: the backoffs it requests and the records it
 * hands the errant record reporter, which a test may leave out (Connect gives none without a dead-letter queue).
 */
final class RecordingSinkTaskContext implements SinkTaskContext {

    /** A record handed to the errant record reporter, as {@code topic-partition@offset: message}. */
    final List<String> reported = new ArrayList<>();
    final List<Long> timeouts = new ArrayList<>();
    final Set<TopicPartition> assignment = new HashSet<>();
    private final boolean withReporter;

    RecordingSinkTaskContext(boolean withReporter) {
        this.withReporter = withReporter;
    }

    @Override
    public Map<String, String> configs() {
        return Map.of();
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
        throw new UnsupportedOperationException("the sink core never seeks");
    }

    @Override
    public void offset(TopicPartition tp, long offset) {
        throw new UnsupportedOperationException("the sink core never seeks");
    }

    @Override
    public void timeout(long timeoutMs) {
        timeouts.add(timeoutMs);
    }

    @Override
    public Set<TopicPartition> assignment() {
        return assignment;
    }

    @Override
    public void pause(TopicPartition... partitions) {
        throw new UnsupportedOperationException("the sink core never pauses");
    }

    @Override
    public void resume(TopicPartition... partitions) {
        throw new UnsupportedOperationException("the sink core never pauses");
    }

    @Override
    public void requestCommit() {
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        return withReporter ? this::report : null;
    }

    private synchronized CompletableFuture<Void> report(SinkRecord record, Throwable error) {
        reported.add(record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset() + ": " + error.getMessage());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public PluginMetrics pluginMetrics() {
        throw new UnsupportedOperationException("the sink core has no plugin metrics");
    }
}
