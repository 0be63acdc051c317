package io.hermesconnect.common.sink;

import io.hermesconnect.common.config.GroupedConfigDef;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * A sink connector on the sink core whose target refuses the users listed in {@link #REFUSED}, for tests in a real
 * Connect worker. Found by the worker's class-path scan only: it has no service manifest, so that the plugin
 * reference of this module's test plugins does not list it.
 */
public final class DeadLetterSinkConnector extends SinkConnector {

    /** The key values of the users every task's target refuses. */
    static final Set<Object> REFUSED = ConcurrentHashMap.newKeySet();

    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        this.props = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return RefusingTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return SinkCoreConfig.taskConfigs(props, maxTasks);
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        GroupedConfigDef def = new GroupedConfigDef();
        SinkCoreConfig.define(def);
        return def.configDef();
    }

    @Override
    public String version() {
        return "test";
    }

    /** The connector's task: its target applies everything but the refused users. */
    public static final class RefusingTask extends ChangeEventSinkTask {

        @Override
        protected SinkTarget openTarget(Map<String, String> props) {
            return new SinkTarget() {
                @Override
                public void add(SinkEvent event, StepProgress progress) {
                    check(event);
                }

                @Override
                public void modify(SinkEvent event, StepProgress progress) {
                    check(event);
                }

                @Override
                public void remove(SinkEvent event, StepProgress progress) {
                    check(event);
                }

                private void check(SinkEvent event) {
                    if (REFUSED.contains(event.object().values().get(0))) {
                        throw new TargetDataException("object class violation: attribute 'cn' not allowed");
                    }
                }
            };
        }

        @Override
        public String version() {
            return "test";
        }
    }
}
