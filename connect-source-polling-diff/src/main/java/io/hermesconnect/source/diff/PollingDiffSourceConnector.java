package io.hermesconnect.source.diff;

import io.hermesconnect.common.Version;
import io.hermesconnect.source.diff.config.PollingDiffConfig;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * Snapshot-diff polling of JDBC and LDAP sources into typed objects (DESIGN.md section 5, HERMES.md section 1): one
 * task, because a poll's events are ordered across types (parents created first, deleted last).
 */
public final class PollingDiffSourceConnector extends SourceConnector {

    private Map<String, String> props;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public ConfigDef config() {
        return PollingDiffConfig.CONFIG_DEF;
    }

    /** The static checks of the config, then live ones: each source reached, each query described, each column found. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return PollingDiffConfig.validate(connectorConfigs, new SourceFetchers());
    }

    @Override
    public void start(Map<String, String> props) {
        new PollingDiffConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return PollingDiffSourceTask.class;
    }

    /** One task whatever {@code tasks.max}: the events of a poll are ordered across its types. */
    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    @Override
    public void stop() {
    }

    /** A poll's events may repeat after a crash (its state is written once they were acknowledged): at least once. */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.UNSUPPORTED;
    }
}
