package io.hermesconnect.quickstart;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one definition of a local single-node KRaft broker and Connect distributed worker, shared by the quickstart
 * and the benchmark's stack ({@code bench/stack}): replication factors of 1 everywhere, JSON converters,
 * service-loader plugin discovery from one {@code plugin.path}. Callers add what only they need (e.g. the
 * benchmark's producer batching) to the maps returned.
 */
public final class StackSettings {

    private StackSettings() {
    }

    /** A broker that is its own controller, listening on {@code host:port} and {@code host:controllerPort}. */
    public static Map<String, String> broker(String host, int port, int controllerPort, Path dataDir) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", "1");
        settings.put("controller.quorum.voters", "1@" + host + ":" + controllerPort);
        settings.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        settings.put("log.dirs", dataDir.toString());
        settings.put("num.partitions", "1");
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        // a single worker or consumer: no point waiting for others to join a group
        settings.put("group.initial.rebalance.delay.ms", "0");
        return settings;
    }

    /**
     * A worker of group {@code groupId} whose REST API listens on {@code http://host:restPort}, storing offsets,
     * configs and status in the topics {@code <topicPrefix>offsets}, {@code -configs} and {@code -status}.
     */
    public static Map<String, String> worker(String bootstrapServers, String groupId, String topicPrefix,
            String host, int restPort, Path pluginPath) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", bootstrapServers);
        settings.put("group.id", groupId);
        settings.put("listeners", "http://" + host + ":" + restPort);
        settings.put("rest.advertised.host.name", host);
        settings.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        settings.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        settings.put("offset.storage.topic", topicPrefix + "offsets");
        settings.put("offset.storage.replication.factor", "1");
        settings.put("config.storage.topic", topicPrefix + "configs");
        settings.put("config.storage.replication.factor", "1");
        settings.put("status.storage.topic", topicPrefix + "status");
        settings.put("status.storage.replication.factor", "1");
        settings.put("plugin.path", pluginPath.toString());
        // only what the plugins' META-INF/services files declare: no class path scan at start-up
        settings.put("plugin.discovery", "service_load");
        return settings;
    }

    /** The text of a properties file, one {@code key=value} a line in the map's order. */
    public static String toProperties(Map<String, String> settings) {
        return settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
