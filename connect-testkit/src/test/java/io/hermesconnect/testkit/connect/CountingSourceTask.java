package io.hermesconnect.testkit.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/** Writes records {@code {id: 1..count, name: "item-<id>"}} once, then idles until stopped. */
public class CountingSourceTask extends SourceTask {

    static final Schema VALUE_SCHEMA = SchemaBuilder.struct().name("test.Item")
            .field("id", Schema.INT64_SCHEMA).field("name", Schema.STRING_SCHEMA).build();

    private final CountDownLatch stopped = new CountDownLatch(1);
    private String topic;
    private int count;
    private boolean written;

    @Override
    public void start(Map<String, String> props) {
        AbstractConfig config = new AbstractConfig(CountingSourceConnector.CONFIG, props);
        if (config.getBoolean("fail.on.start")) {
            throw new ConnectException("failing on start as configured");
        }
        topic = config.getString("topic");
        count = config.getInt("count");
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (written) {
            // nothing more to write: block until stopped or briefly, instead of spinning the worker's loop
            stopped.await(200, TimeUnit.MILLISECONDS);
            return null;
        }
        written = true;
        List<SourceRecord> records = new ArrayList<>();
        for (long id = 1; id <= count; id++) {
            Struct value = new Struct(VALUE_SCHEMA).put("id", id).put("name", "item-" + id);
            records.add(new SourceRecord(Map.of("source", "counting"), Map.of("id", id), topic, null,
                    Schema.STRING_SCHEMA, Long.toString(id), VALUE_SCHEMA, value));
        }
        return records;
    }

    @Override
    public void stop() {
        stopped.countDown();
    }

    @Override
    public String version() {
        return "test";
    }
}
