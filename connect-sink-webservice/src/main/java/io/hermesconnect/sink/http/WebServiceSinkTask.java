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
        TrashLedger trash = null;
        try {
            trash = new TrashLedger(trashStore(config, core));
            return WebServiceTarget.open(config, metrics, trash);
        } catch (RuntimeException e) {
            if (trash != null) {
                trash.close();
            }
            metrics.close();
            throw e;
        }
    }

    /** The trash topic with the trashbin on; with it off, nothing is trashed, so nothing is kept. */
    private static TrashStore trashStore(WebServiceSinkConfig config, SinkCoreConfig core) {
        if (core.trashbinRetention().isZero()) {
            return TrashStore.NONE;
        }
        String topic = config.trashbinTopic();
        return KafkaTrashStore.open(core, topic != null ? topic : core.ownedTopic(WebServiceSinkConfig.TRASHBIN_TOPIC_SUFFIX));
    }

    @Override
    public String version() {
        return Version.get();
    }
}
