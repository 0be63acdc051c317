package io.hermesconnect.sink.http;

import io.hermesconnect.common.Version;
import io.hermesconnect.common.sink.ChangeEventSinkTask;
import io.hermesconnect.common.sink.SinkCoreConfig;
import io.hermesconnect.common.sink.SinkTarget;
import io.hermesconnect.sink.http.config.WebServiceSinkConfig;
import io.hermesconnect.sink.http.metrics.WebServiceSinkMetrics;
import java.util.Map;

/** The HTTP sink's task: the sink core applies the events to a {@link WebServiceTarget}. */
public final class WebServiceSinkTask extends ChangeEventSinkTask {

    @Override
    protected SinkTarget openTarget(Map<String, String> props) {
        WebServiceSinkConfig config = new WebServiceSinkConfig(props);
        SinkCoreConfig core = new SinkCoreConfig(props);
        String connector = core.connectorName() != null ? core.connectorName() : core.parkedEventTopic();
        WebServiceSinkMetrics metrics = new WebServiceSinkMetrics().register(connector, Integer.toString(core.taskId()));
        try {
            return WebServiceTarget.open(config, metrics);
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
    }

    @Override
    public String version() {
        return Version.get();
    }
}
