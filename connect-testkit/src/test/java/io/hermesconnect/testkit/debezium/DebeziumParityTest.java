package io.hermesconnect.testkit.debezium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * The parity check itself: it passes on records shaped like Debezium's but for our documented differences, and
 * reports a missing field, a different optionality or a missing key-change header.
 */
class DebeziumParityTest {

    private static final String TOPIC = "app.public.users";
    private static final Schema ROW = SchemaBuilder.struct().name(TOPIC + ".Value").optional()
            .field("id", Schema.INT32_SCHEMA).field("name", Schema.OPTIONAL_STRING_SCHEMA).build();
    private static final Schema KEY = SchemaBuilder.struct().name(TOPIC + ".Key").field("id", Schema.INT32_SCHEMA).build();

    private final DebeziumTwin twin = new DebeziumTwin("app");

    @Test
    void recordsThatDifferOnlyAsDocumentedAreTheSame() {
        Schema envelope = envelope(ourSource(field -> true, false));
        List<SourceRecord> ours = List.of(
                event(envelope, "r", null, row(1, "ann"), null),
                event(envelope, "u", row(1, "ann"), row(1, "anna"), null),
                event(envelope, "d", row(1, "anna"), null, null),
                new SourceRecord(Map.of(), Map.of(), TOPIC, 0, KEY, key(1), null, null));

        DebeziumParity.assertSame(twin, DebeziumParity.pairs(twin, ours));
    }

    @Test
    void aFieldDebeziumHasAndOursLacksFails() {
        Schema envelope = envelope(ourSource(field -> !field.name().equals("xmin"), false));

        assertThatThrownBy(() -> twin.of(event(envelope, "c", null, row(1, "ann"), null)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("lacks Debezium's field 'xmin'");
    }

    @Test
    void anotherOptionalityIsReported() {
        Schema envelope = envelope(ourSource(field -> true, true));
        List<SourceRecord> ours = List.of(event(envelope, "c", null, row(1, "ann"), null));

        assertThatThrownBy(() -> DebeziumParity.assertSame(twin, DebeziumParity.pairs(twin, ours)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("as emitted, record 0 (op c on app.public.users): value.source.lsn: optional: false vs Debezium's true")
                .hasMessageContaining("ToLogicalTopicRouter, record 0");
    }

    @Test
    void aKeyChangeWithoutDebeziumsHeaderIsReported() {
        Schema envelope = envelope(ourSource(field -> true, false));
        SourceRecord delete = event(envelope, "d", row(1, "ann"), null,
                new ConnectHeaders().add("__debezium.newkey", key(2), KEY));
        SourceRecord create = event(envelope, "c", null, row(2, "ann"), null);
        List<SourceRecord> debezium = twin.keyChange(delete, null, create);

        assertThat(debezium.get(0).headers().lastWithName("__debezium.newkey").value()).isEqualTo(key(2));
        assertThatThrownBy(() -> DebeziumParity.assertSame(twin, List.of(new DebeziumParity.Pair(delete, debezium.get(0)),
                new DebeziumParity.Pair(create, debezium.get(1)))))
                .hasMessageContaining("record 1 (op c on app.public.users): header 0: ours none, Debezium's '__debezium.oldkey'");
    }

    /** Debezium's source block under our name, plus our {@code poll}; optionally with a required {@code lsn}. */
    private Schema ourSource(Predicate<Field> keep, boolean requiredLsn) {
        SchemaBuilder source = SchemaBuilder.struct().name("io.hermesconnect.Source").version(1);
        for (Field field : twin.sourceSchema().fields()) {
            if (keep.test(field)) {
                source.field(field.name(), requiredLsn && field.name().equals("lsn") ? Schema.INT64_SCHEMA : field.schema());
            }
        }
        return source.field("poll", Schema.OPTIONAL_INT64_SCHEMA).build();
    }

    private static Schema envelope(Schema source) {
        Schema block = SchemaBuilder.struct().name("event.block").version(1).optional()
                .field("id", Schema.STRING_SCHEMA).field("total_order", Schema.INT64_SCHEMA)
                .field("data_collection_order", Schema.INT64_SCHEMA).build();
        return SchemaBuilder.struct().name(TOPIC + ".Envelope").version(2).parameter("hermes.primary.key", "id")
                .field("before", ROW).field("after", ROW).field("source", source).field("op", Schema.STRING_SCHEMA)
                .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA).field("ts_us", Schema.OPTIONAL_INT64_SCHEMA)
                .field("ts_ns", Schema.OPTIONAL_INT64_SCHEMA).field("transaction", block).build();
    }

    private static SourceRecord event(Schema envelope, String op, Struct before, Struct after, Headers headers) {
        Schema sourceSchema = envelope.field("source").schema();
        Struct source = new Struct(sourceSchema).put("version", "0.1.0").put("connector", "wal").put("name", "app")
                .put("ts_ms", 1_000L).put("db", "appdb").put("ts_us", 1_000_000L).put("ts_ns", 1_000_000_000L)
                .put("schema", "public").put("table", "users").put("txId", 7L).put("lsn", 4096L).put("poll", 3L);
        Struct value = new Struct(envelope).put("before", before).put("after", after).put("source", source).put("op", op)
                .put("ts_ms", 2_000L).put("ts_us", 2_000_000L).put("ts_ns", 2_000_000_000L);
        Struct row = after != null ? after : before;
        return new SourceRecord(Map.of(), Map.of(), TOPIC, 0, KEY, key(row.getInt32("id")), envelope, value, null, headers);
    }

    private static Struct row(int id, String name) {
        return new Struct(ROW).put("id", id).put("name", name);
    }

    private static Struct key(int id) {
        return new Struct(KEY).put("id", id);
    }
}
