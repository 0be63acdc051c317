package io.hermesconnect.source.wal;

import io.hermesconnect.common.Version;
import io.hermesconnect.common.config.ConfigValidation;
import io.hermesconnect.source.wal.config.LiveChecks;
import io.hermesconnect.source.wal.replication.PgConnections;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * Streams a PostgreSQL database's changes through a logical replication slot with the built-in
 * {@code pgoutput} plugin. One task: a slot has one reader.
 */
public class WalSourceConnector extends SourceConnector {

    static final Duration LIVE_CHECK_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Keys the live checks read: they run only when all of these passed field validation. */
    private static final String[] LIVE_CHECK_INPUTS = {WalSourceConfig.HOSTNAME, WalSourceConfig.PORT,
            WalSourceConfig.USER, WalSourceConfig.PASSWORD, WalSourceConfig.DBNAME, WalSourceConfig.SSLMODE,
            WalSourceConfig.SLOT_NAME, WalSourceConfig.PUBLICATION_NAME, WalSourceConfig.PUBLICATION_AUTOCREATE_MODE,
            WalSourceConfig.TOPIC_PREFIX, WalSourceConfig.SCHEMA_INCLUDE_LIST, WalSourceConfig.SCHEMA_EXCLUDE_LIST,
            WalSourceConfig.TABLE_INCLUDE_LIST, WalSourceConfig.TABLE_EXCLUDE_LIST};

    private Map<String, String> props;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        new WalSourceConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return WalSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    @Override
    public void stop() {
        // the task owns the slot and every connection
    }

    @Override
    public ConfigDef config() {
        return WalSourceConfig.CONFIG_DEF;
    }

    /** Offsets carry the commit LSN and the event's index in its transaction: a restart resumes exactly. */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    /** Field validation, then cross-field rules, then checks against the live server, each on its key. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config result = super.validate(connectorConfigs);
        checkCrossField(connectorConfigs, result);
        if (ConfigValidation.allValid(result, LIVE_CHECK_INPUTS)) {
            WalSourceConfig config = new WalSourceConfig(connectorConfigs);
            ConfigValidation.runLiveCheck(result, WalSourceConfig.HOSTNAME, LIVE_CHECK_TIMEOUT,
                    new LiveChecks(config, PgConnections.of(config, CONNECT_TIMEOUT)));
        }
        return result;
    }

    private static void checkCrossField(Map<String, String> props, Config result) {
        for (String[] pair : WalSourceConfig.EXCLUSIVE_LISTS) {
            if (isSet(props.get(pair[0])) && isSet(props.get(pair[1]))) {
                ConfigValidation.addError(result, pair[1], pair[1] + " cannot be used together with " + pair[0]);
            }
        }
        if (ConfigValidation.allValid(result, WalSourceConfig.MAX_QUEUE_SIZE, WalSourceConfig.MAX_BATCH_SIZE)) {
            Object queue = ConfigValidation.configValue(result, WalSourceConfig.MAX_QUEUE_SIZE).value();
            Object batch = ConfigValidation.configValue(result, WalSourceConfig.MAX_BATCH_SIZE).value();
            if ((Integer) queue <= (Integer) batch) {
                ConfigValidation.addError(result, WalSourceConfig.MAX_QUEUE_SIZE, WalSourceConfig.MAX_QUEUE_SIZE + " ("
                        + queue + ") must be larger than " + WalSourceConfig.MAX_BATCH_SIZE + " (" + batch + ")");
            }
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
