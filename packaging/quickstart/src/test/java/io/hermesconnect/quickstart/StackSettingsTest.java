package io.hermesconnect.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import org.apache.kafka.connect.runtime.distributed.DistributedConfig;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    @Test
    void brokerSettingsAreAValidSingleNodeKraftConfig() {
        Map<String, String> settings = StackSettings.broker("localhost", 9092, 9093, Path.of("/data/kafka"));

        KafkaConfig config = KafkaConfig.fromProps(properties(settings));

        assertThat(config.nodeId()).isEqualTo(1);
        assertThat(config.logDirs()).containsExactly("/data/kafka");
        assertThat(config.effectiveAdvertisedBrokerListeners().head().port()).isEqualTo(9092);
        assertThat(config.getShort("offsets.topic.replication.factor")).isEqualTo((short) 1);
    }

    @Test
    void workerSettingsAreAValidDistributedConfigWithPrefixedInternalTopics() {
        Map<String, String> settings = StackSettings.worker("localhost:9092", "group", "pre-", "localhost", 8083,
                Path.of("/plugins"));

        DistributedConfig config = new DistributedConfig(settings);

        assertThat(config.getString(DistributedConfig.GROUP_ID_CONFIG)).isEqualTo("group");
        assertThat(List.of(config.getString(DistributedConfig.OFFSET_STORAGE_TOPIC_CONFIG),
                config.getString(DistributedConfig.CONFIG_TOPIC_CONFIG),
                config.getString(DistributedConfig.STATUS_STORAGE_TOPIC_CONFIG)))
                .containsExactly("pre-offsets", "pre-configs", "pre-status");
        assertThat(config.getList("listeners")).containsExactly("http://localhost:8083");
        assertThat(config.getList("plugin.path")).containsExactly("/plugins");
        assertThat(config.getString("plugin.discovery")).isEqualToIgnoringCase("service_load");
    }

    @Test
    void propertiesTextReadsBackAsTheSameSettings() throws IOException {
        Map<String, String> settings = StackSettings.broker("127.0.0.1", 1, 2, Path.of("/d"));

        Properties read = new Properties();
        read.load(new StringReader(StackSettings.toProperties(settings)));

        assertThat(read).isEqualTo(properties(settings));
    }

    private static Properties properties(Map<String, String> settings) {
        Properties properties = new Properties();
        properties.putAll(settings);
        return properties;
    }
}
