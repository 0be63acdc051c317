package io.hermesconnect.bench.sink;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.SinkTaskContext;

/**
 * What a worker tells a sink task, for a task the harness drives itself: its assigned partitions, no errant record
 * reporter. A back-off ({@link #timeout}) is not kept: the task's put() throws, and that fails the run.
 */
final class BenchSinkTaskContext implements SinkTaskContext {

    private final Map<String, String> configs;
    private final Set<TopicPartition> partitions;

    BenchSinkTaskContext(Map<String, String> configs, Set<TopicPartition> partitions) {
        this.configs = configs;
        this.partitions = partitions;
    }

    @Override
    public Map<String, String> configs() {
        return configs;
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
    }

    @Override
    public void offset(TopicPartition tp, long offset) {
    }

    @Override
    public void timeout(long timeoutMs) {
    }

    @Override
    public Set<TopicPartition> assignment() {
        return partitions;
    }

    @Override
    public void pause(TopicPartition... partitions) {
    }

    @Override
    public void resume(TopicPartition... partitions) {
    }

    @Override
    public void requestCommit() {
    }

    /** Our sinks register their metrics over JMX, not through Connect's plugin metrics. */
    @Override
    public PluginMetrics pluginMetrics() {
        throw new UnsupportedOperationException("the benchmark's task has no plugin metrics");
    }
}
