package io.hermesconnect.source.wal;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.common.config.ConfigDefLint;
import io.hermesconnect.source.wal.config.PublicationAutocreateMode;
import io.hermesconnect.source.wal.config.SnapshotMode;
import io.hermesconnect.source.wal.config.TopicRouting;
import io.hermesconnect.source.wal.convert.DecimalHandlingMode;
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
    void enumKeysTakeTheirEstablishedSpellingsInAnyCase() {
        Map<String, String> props = minimal();
        props.put(WalSourceConfig.SSLMODE, " Verify-CA ");
        props.put(WalSourceConfig.PUBLICATION_AUTOCREATE_MODE, "FILTERED");
        props.put(WalSourceConfig.SNAPSHOT_MODE, "Initial_Only");
        props.put(WalSourceConfig.TOPIC_ROUTING, "SINGLE");
        props.put(WalSourceConfig.DECIMAL_HANDLING_MODE, " Precise ");

        WalSourceConfig config = new WalSourceConfig(props);

        assertThat(config.sslmode()).isEqualTo("verify-ca");
        assertThat(config.publicationAutocreateMode()).isEqualTo(PublicationAutocreateMode.FILTERED);
        assertThat(config.snapshotMode()).isEqualTo(SnapshotMode.INITIAL_ONLY);
        assertThat(config.topicRouting()).isEqualTo(TopicRouting.SINGLE);
        assertThat(config.decimalHandlingMode()).isEqualTo(DecimalHandlingMode.PRECISE);
        props.put(WalSourceConfig.TOPIC_ROUTING, "Per-Table");
        assertThat(new WalSourceConfig(props).topicRouting()).isEqualTo(TopicRouting.PER_TABLE);
    }

    @Test
    void enumKeysRecommendTheirValues() {
        Config result = new WalSourceConnector().validate(Map.of());

        assertThat(recommended(result, WalSourceConfig.SSLMODE))
                .containsExactly("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
        assertThat(recommended(result, WalSourceConfig.PUBLICATION_AUTOCREATE_MODE)).containsExactly("all_tables", "filtered", "disabled");
        assertThat(recommended(result, WalSourceConfig.SNAPSHOT_MODE)).containsExactly("initial", "never", "initial_only", "when_needed");
        assertThat(recommended(result, WalSourceConfig.TOPIC_ROUTING)).containsExactly("per-table", "single");
        assertThat(recommended(result, WalSourceConfig.DECIMAL_HANDLING_MODE)).containsExactly("precise", "double", "string");
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
        props.put(WalSourceConfig.TOPIC_ROUTING, "per_table");
        props.put(WalSourceConfig.SCHEMA_INCLUDE_LIST, "public, (unclosed");
        props.put(WalSourceConfig.DBNAME, " ");

        Config result = new WalSourceConnector().validate(props);

        assertThat(errors(result, WalSourceConfig.HOSTNAME)).isNotEmpty();
        assertThat(errors(result, WalSourceConfig.SLOT_NAME)).anyMatch(m -> m.contains("lower-case letters"));
        assertThat(errors(result, WalSourceConfig.TABLE_EXCLUDE_LIST)).anyMatch(m -> m.contains("together with"));
        assertThat(errors(result, WalSourceConfig.MAX_QUEUE_SIZE)).anyMatch(m -> m.contains("larger than"));
        assertThat(errors(result, WalSourceConfig.SNAPSHOT_MODE)).anyMatch(m -> m.contains("initial"));
        assertThat(errors(result, WalSourceConfig.TOPIC_ROUTING)).anyMatch(m -> m.contains("per-table, single"));
        assertThat(errors(result, WalSourceConfig.SCHEMA_INCLUDE_LIST)).anyMatch(m -> m.contains("not a valid regular expression"));
        assertThat(errors(result, WalSourceConfig.DBNAME)).anyMatch(m -> m.contains("must not be empty"));
        assertThat(errors(result, WalSourceConfig.TOPIC_PREFIX)).isEmpty();
    }

    private static List<String> errors(Config result, String key) {
        return value(result, key).errorMessages();
    }

    private static List<Object> recommended(Config result, String key) {
        return value(result, key).recommendedValues();
    }

    private static ConfigValue value(Config result, String key) {
        return result.configValues().stream().filter(v -> v.name().equals(key)).findFirst().orElseThrow();
    }
}
