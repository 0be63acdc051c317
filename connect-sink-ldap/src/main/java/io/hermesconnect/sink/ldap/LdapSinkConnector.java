package io.hermesconnect.sink.ldap;

import io.hermesconnect.common.Version;
import io.hermesconnect.common.sink.SinkCoreConfig;
import io.hermesconnect.sink.ldap.config.LdapSinkConfig;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Keeps directory entries (users, groups, memberships, any kind by config) in sync with change events
 * (DESIGN.md section 7, HERMES.md section 2): each event makes an entry equal to the event's object, or removes it,
 * through the sink core's error queue and trashbin.
 */
public final class LdapSinkConnector extends SinkConnector {

    private Map<String, String> props;

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public ConfigDef config() {
        return LdapSinkConfig.CONFIG_DEF;
    }

    /** The static checks of the config, then live ones: the directory reached, the bind, the DNs and the schema. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        return LdapSinkConfig.validate(connectorConfigs);
    }

    @Override
    public void start(Map<String, String> props) {
        new LdapSinkConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return LdapSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return SinkCoreConfig.taskConfigs(props, maxTasks);
    }

    @Override
    public void stop() {
    }
}
