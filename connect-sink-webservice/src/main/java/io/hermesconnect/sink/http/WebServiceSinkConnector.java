package io.hermesconnect.sink.http;

import io.hermesconnect.common.Version;
import io.hermesconnect.common.config.GroupedConfigDef;
import io.hermesconnect.common.sink.SinkCoreConfig;
import io.hermesconnect.sink.http.config.WebServiceSinkConfig;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Keeps a REST API in sync with change events: each event becomes the HTTP request its kind's templates build
 * ({@link WebServiceSinkConfig}), through the sink core's error queue, foreign-key policy and trashbin
 * ({@link SinkCoreConfig}).
 */
public final class WebServiceSinkConnector extends SinkConnector {

    static final ConfigDef CONFIG_DEF = definition();

    private Map<String, String> props;

    private static ConfigDef definition() {
        GroupedConfigDef def = WebServiceSinkConfig.define(new GroupedConfigDef());
        SinkCoreConfig.define(def);
        return def.configDef();
    }

    @Override
    public void start(Map<String, String> props) {
        new WebServiceSinkConfig(props);
        new SinkCoreConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return WebServiceSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return SinkCoreConfig.taskConfigs(props, maxTasks);
    }

    @Override
    public void stop() {
        props = null;
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    /** Every key's value, then the request keys' rules and live checks, then the core's rules; each on its key. */
    @Override
    public Config validate(Map<String, String> connectorConfigs) {
        Config config = super.validate(connectorConfigs);
        WebServiceSinkConfig.validate(config, connectorConfigs);
        SinkCoreConfig.validate(config, connectorConfigs, true);
        return config;
    }

    @Override
    public String version() {
        return Version.get();
    }
}
