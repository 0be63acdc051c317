package io.hermesconnect.source.wal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.common.config.ConfigDefLint;
import io.hermesconnect.source.wal.config.PublicationAutocreateMode;
import io.hermesconnect.source.wal.config.SnapshotMode;
import io.hermesconnect.source.wal.config.TopicRouting;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class WalSourceConfigTest {

    private static Map<String, String> minimal() {
        return new HashMap<>(Map.of(WalSourceConfig.HOSTNAME, "db.example", WalSourceConfig.USER, "cdc",
                WalSourceConfig.DBNAME, "shop", WalSourceConfig.TOPIC_PREFIX, "shop"));
    }

    @Test
    void everyKeyIsDocumentedGroupedAndNamed() {
        assertThat(ConfigDefLint.problems(WalSourceConfig.CONFIG_DEF)).isEmpty();
    }

    @Test
    void usesDebeziumKeyNames() {
        assertThat(WalSourceConfig.CONFIG_DEF.names()).contains("database.hostname", "database.port", "database.user",
                "database.password", "database.dbname", "database.sslmode", "topic.prefix", "slot.name",
                "publication.name", "publication.autocreate.mode", "schema.include.list", "schema.exclude.list",
                "table.include.list", "table.exclude.list", "column.include.list", "column.exclude.list", "snapshot.mode",
                "heartbeat.interval.ms", "decimal.handling.mode", "tombstones.on.delete", "provide.transaction.metadata",
                "slot.drop.on.stop", "max.batch.size", "max.queue.size");
    }

    @Test
    void defaults() {
        WalSourceConfig config = new WalSourceConfig(minimal());
        assertThat(config.port()).isEqualTo(5432);
        assertThat(config.slotName()).isEqualTo("hermes");
        assertThat(config.publicationAutocreateMode()).isEqualTo(PublicationAutocreateMode.ALL_TABLES);
        assertThat(config.snapshotMode()).isEqualTo(SnapshotMode.INITIAL);
        assertThat(config.topicRouting()).isEqualTo(TopicRouting.PER_TABLE);
        assertThat(config.heartbeatInterval().toMillis()).isEqualTo(10_000);
        assertThat(config.tombstonesOnDelete()).isTrue();
        assertThat(config.streamingEnabled()).isTrue();
        assertThat(config.password()).isNull();
    }

    @Test
    void validateReportsFieldAndCrossFieldErrorsOnTheirKeys() {
        Map<String, String> props = minimal();
        props.remove(WalSourceConfig.HOSTNAME); // no live checks without a host
        props.put(WalSourceConfig.SLOT_NAME, "Bad-Slot");
        props.put(WalSourceConfig.TABLE_INCLUDE_LIST, "public.a");
        props.put(WalSourceConfig.TABLE_EXCLUDE_LIST, "public.b");
        props.put(WalSourceConfig.MAX_QUEUE_SIZE, "10");
        props.put(WalSourceConfig.MAX_BATCH_SIZE, "20");
        props.put(WalSourceConfig.SNAPSHOT_MODE, "sometimes");

        Config result = new WalSourceConnector().validate(props);

        assertThat(errors(result, WalSourceConfig.HOSTNAME)).isNotEmpty();
        assertThat(errors(result, WalSourceConfig.SLOT_NAME)).anyMatch(m -> m.contains("lower-case letters"));
        assertThat(errors(result, WalSourceConfig.TABLE_EXCLUDE_LIST)).anyMatch(m -> m.contains("together with"));
        assertThat(errors(result, WalSourceConfig.MAX_QUEUE_SIZE)).anyMatch(m -> m.contains("larger than"));
        assertThat(errors(result, WalSourceConfig.SNAPSHOT_MODE)).anyMatch(m -> m.contains("initial"));
        assertThat(errors(result, WalSourceConfig.TOPIC_PREFIX)).isEmpty();
    }

    private static List<String> errors(Config result, String key) {
        return result.configValues().stream().filter(v -> v.name().equals(key)).findFirst()
                .map(ConfigValue::errorMessages).orElseThrow();
    }
}
