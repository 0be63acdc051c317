package io.hermesconnect.common.sink;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The form of a parked object in the parked-event topic. The record key names the object (its kind and key values);
 * the value is a {@code ParkedObject} Struct, in JSON through Connect's {@link JsonConverter}: per parked event its
 * time, reason and steps done, and the records it stands for (topic, partition, offset, timestamp, and key and value
 * each in JSON with its schema, so that the schema parameters the sink reads survive). Reading an event's records
 * again, and merging them as remediation did, gives the event back. Record headers are not kept: no sink reads them.
 * A sink that keeps other events durably in a topic of its own (the HTTP sink's trash) uses the same form.
 */
public final class ParkedEventCodec {

    private static final Schema RECORD_SCHEMA = SchemaBuilder.struct().name("io.hermesconnect.sink.ParkedRecord")
            .field("topic", Schema.STRING_SCHEMA)
            .field("partition", Schema.INT32_SCHEMA)
            .field("offset", Schema.INT64_SCHEMA)
            .field("timestamp", Schema.OPTIONAL_INT64_SCHEMA)
            .field("key", Schema.OPTIONAL_BYTES_SCHEMA)
            .field("value", Schema.OPTIONAL_BYTES_SCHEMA)
            .build();
    private static final Schema EVENT_SCHEMA = SchemaBuilder.struct().name("io.hermesconnect.sink.ParkedEvent")
            .field("parked_at_ms", Schema.INT64_SCHEMA)
            .field("reason", Schema.STRING_SCHEMA)
            .field("steps_done", Schema.INT32_SCHEMA)
            .field("records", SchemaBuilder.array(RECORD_SCHEMA).build())
            .build();
    private static final Schema OBJECT_SCHEMA = SchemaBuilder.struct().name("io.hermesconnect.sink.ParkedObject")
            .field("events", SchemaBuilder.array(EVENT_SCHEMA).build())
            .build();
    /** The topic name the converters are told: JsonConverter ignores it, but a name keeps its logs clear. */
    private static final String CONVERTER_TOPIC = "parked-events";

    private final JsonConverter converter = new JsonConverter();

    public ParkedEventCodec() {
        converter.configure(Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, true,
                JsonConverterConfig.REPLACE_NULL_WITH_DEFAULT_CONFIG, false), false);
    }

    /**
     * The record key of an object: its kind and key values, each value with its type, so that equal objects give
     * equal keys in any JVM and the topic's compaction keeps one record per object.
     */
    public byte[] key(ObjectKey object) {
        StringBuilder key = new StringBuilder(object.kind());
        for (Object value : object.values()) {
            key.append('\u0000').append(value == null ? "null" : value.getClass().getSimpleName()).append(':')
                    .append(canonical(value));
        }
        return key.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String canonical(Object value) {
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Date date) {
            return Long.toString(date.getTime());
        }
        return String.valueOf(value);
    }

    /** The record value of an object's parked events. */
    public byte[] value(List<ParkedEvent> events) {
        List<Struct> encoded = new ArrayList<>(events.size());
        for (ParkedEvent event : events) {
            List<Struct> records = new ArrayList<>(event.records().size());
            event.records().forEach(record -> records.add(encode(record)));
            encoded.add(new Struct(EVENT_SCHEMA).put("parked_at_ms", event.parkedAtMs()).put("reason", event.reason())
                    .put("steps_done", event.stepsDone()).put("records", records));
        }
        return converter.fromConnectData(CONVERTER_TOPIC, OBJECT_SCHEMA, new Struct(OBJECT_SCHEMA).put("events", encoded));
    }

    private Struct encode(ConnectRecord<?> record) {
        if (!(record instanceof SinkRecord sink)) {
            throw new IllegalArgumentException("Only records a sink task received can be parked durably, not a "
                    + record.getClass().getSimpleName());
        }
        return new Struct(RECORD_SCHEMA).put("topic", sink.topic()).put("partition", sink.kafkaPartition())
                .put("offset", sink.kafkaOffset()).put("timestamp", sink.timestamp())
                .put("key", converter.fromConnectData(sink.topic(), sink.keySchema(), sink.key()))
                .put("value", converter.fromConnectData(sink.topic(), sink.valueSchema(), sink.value()));
    }

    /** The partition that owns a stored object: that of the record of its first parked event. */
    public TopicPartition owner(byte[] value) {
        Struct first = records(events(value).get(0)).get(0);
        return new TopicPartition(first.getString("topic"), first.getInt32("partition"));
    }

    /**
     * An object's parked events, read back.
     *
     * @throws DataException when a record no longer reads as a change event
     */
    public List<ParkedEvent> decode(byte[] value) {
        List<ParkedEvent> decoded = new ArrayList<>();
        for (Struct event : events(value)) {
            List<ConnectRecord<?>> records = new ArrayList<>();
            records(event).forEach(record -> records.add(decodeRecord(record)));
            SinkEvent merged = read(records.get(0));
            for (ConnectRecord<?> next : records.subList(1, records.size())) {
                merged = Remediation.merge(merged, read(next));
            }
            decoded.add(new ParkedEvent(merged, event.getInt64("parked_at_ms"), event.getString("reason"),
                    event.getInt32("steps_done"), records));
        }
        return decoded;
    }

    private List<Struct> events(byte[] value) {
        return ((Struct) converter.toConnectData(CONVERTER_TOPIC, value).value()).getArray("events");
    }

    private static List<Struct> records(Struct event) {
        return event.getArray("records");
    }

    private SinkRecord decodeRecord(Struct stored) {
        String topic = stored.getString("topic");
        SchemaAndValue key = toConnect(topic, stored.getBytes("key"));
        SchemaAndValue value = toConnect(topic, stored.getBytes("value"));
        Long timestamp = stored.getInt64("timestamp");
        return new SinkRecord(topic, stored.getInt32("partition"), key.schema(), key.value(), value.schema(), value.value(),
                stored.getInt64("offset"), timestamp, timestamp == null ? TimestampType.NO_TIMESTAMP_TYPE : TimestampType.CREATE_TIME);
    }

    private SchemaAndValue toConnect(String topic, byte[] json) {
        return json == null ? SchemaAndValue.NULL : converter.toConnectData(topic, json);
    }

    private static SinkEvent read(ConnectRecord<?> record) {
        return SinkEventReader.read(record).orElseThrow(() -> new DataException("The parked record at "
                + record.topic() + "-" + record.kafkaPartition() + " no longer reads as a change event"));
    }
}
