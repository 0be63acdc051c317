package io.hermesconnect.testkit.connect;

import io.hermesconnect.testkit.SharedFixtures;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;

/**
 * A KRaft broker and Connect workers in this JVM ({@link EmbeddedConnectCluster}), with the REST client
 * and topic helpers tests need. Starting one takes several seconds, so tests share {@link #shared()}
 * and build a private one only for special worker settings:
 * <pre>{@code
 * ConnectCluster connect = ConnectCluster.shared();
 * try (ConnectCluster eos = ConnectCluster.builder().workerProp("exactly.once.source.support", "enabled").start()) { ... }
 * }</pre>
 * Plugins are found on the test class path ({@code plugin.discovery=service_load}) unless a
 * {@code plugin.path} worker property says otherwise.
 */
public final class ConnectCluster implements AutoCloseable {

    private static ConnectCluster shared;

    private final EmbeddedConnectCluster cluster;
    private final boolean isShared;
    private final ConnectRestClient rest;

    private ConnectCluster(EmbeddedConnectCluster cluster, boolean isShared) {
        this.cluster = cluster;
        this.isShared = isShared;
        this.rest = new ConnectRestClient(restUrl());
    }

    /**
     * The cluster shared by all tests of this JVM (one worker, default settings), started on first use and
     * stopped when the test run ends ({@link SharedFixtures}). Tests use unique topic and connector names
     * on it ({@link io.hermesconnect.testkit.UniqueNames}).
     */
    public static synchronized ConnectCluster shared() {
        if (shared == null) {
            shared = builder().name("shared-connect").start(true);
            SharedFixtures.register(ConnectCluster::stopShared);
        }
        return shared;
    }

    private static synchronized void stopShared() {
        shared.cluster.stop();
        shared = null;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String bootstrapServers() {
        return cluster.kafka().bootstrapServers();
    }

    /** Base URL of a worker's REST API, e.g. {@code http://localhost:41234/}. */
    public URI restUrl() {
        return URI.create(cluster.endpointForResource(""));
    }

    public ConnectRestClient rest() {
        return rest;
    }

    public void createTopic(String topic) {
        createTopic(topic, 1);
    }

    public void createTopic(String topic, int partitions) {
        cluster.kafka().createTopic(topic, partitions);
    }

    /** Reads {@code topic} from its beginning; close it after use. */
    public TopicReader reader(String topic) {
        return new TopicReader(bootstrapServers(), topic);
    }

    /** Writes to any topic; close it after use. */
    public TopicWriter writer() {
        return new TopicWriter(bootstrapServers());
    }

    /** The wrapped cluster, for what this class does not offer (adding or removing workers, the broker). */
    public EmbeddedConnectCluster embedded() {
        return cluster;
    }

    /** Stops a private cluster; does nothing on the shared one, which stops when the test run ends. */
    @Override
    public void close() {
        if (!isShared) {
            cluster.stop();
        }
    }

    /** Settings for a cluster; {@link #start()} builds and starts it. */
    public static final class Builder {

        private String name = "test-connect";
        private int workers = 1;
        private final Map<String, String> workerProps = new HashMap<>(Map.of("plugin.discovery", "service_load"));
        private final Properties brokerProps = new Properties();

        private Builder() {
            // as an out-of-the-box broker does: connectors may write to topics nobody created
            brokerProps.setProperty("auto.create.topics.enable", "true");
            // one broker: transactions (exactly-once sources) need their state log to fit on it
            brokerProps.setProperty("transaction.state.log.replication.factor", "1");
            brokerProps.setProperty("transaction.state.log.min.isr", "1");
            // internal topics with one partition each start faster than the defaults (50, 25 and 5)
            brokerProps.setProperty("offsets.topic.num.partitions", "1");
            workerProps.put("offset.storage.partitions", "1");
            workerProps.put("status.storage.partitions", "1");
        }

        public Builder name(String clusterName) {
            this.name = clusterName;
            return this;
        }

        public Builder workers(int count) {
            this.workers = count;
            return this;
        }

        /** A Connect worker property, e.g. {@code plugin.path} or {@code exactly.once.source.support}. */
        public Builder workerProp(String key, String value) {
            workerProps.put(key, value);
            return this;
        }

        public Builder brokerProp(String key, String value) {
            brokerProps.setProperty(key, value);
            return this;
        }

        /** Starts a private cluster; the caller closes it. */
        public ConnectCluster start() {
            return start(false);
        }

        private ConnectCluster start(boolean isShared) {
            EmbeddedConnectCluster cluster = new EmbeddedConnectCluster.Builder()
                    .name(name)
                    .numWorkers(workers)
                    .numBrokers(1)
                    // the cluster adds its defaults into this map, so it must be a mutable copy
                    .workerProps(new HashMap<>(workerProps))
                    .brokerProps(brokerProps)
                    .build();
            try {
                cluster.start();
            } catch (RuntimeException | AssertionError e) {
                cluster.stop(); // what did start must not outlive the failure
                throw e;
            }
            return new ConnectCluster(cluster, isShared);
        }
    }
}
