package io.hermesconnect.transforms.it;

import io.hermesconnect.common.Version;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

/**
 * A test-only source that emits a fixed script of real change events ({@link ChangeEventsSourceTask}),
 * built with {@code ChangeEventSchemas} as our sources build them, so the transforms run inside a worker on
 * the records a real source produces. Config: {@code topic.prefix}.
 */
public final class ChangeEventsSourceConnector extends SourceConnector {

    static final String TOPIC_PREFIX = "topic.prefix";

    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        this.props = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return ChangeEventsSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    @Override
    public void stop() {
        props = null;
    }

    @Override
    public ConfigDef config() {
        return new ConfigDef().define(TOPIC_PREFIX, ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "Topic prefix.");
    }

    @Override
    public String version() {
        return Version.get();
    }
}
