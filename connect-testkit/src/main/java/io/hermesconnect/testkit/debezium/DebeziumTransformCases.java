package io.hermesconnect.testkit.debezium;

import io.debezium.transforms.ExtractChangedRecordState;
import io.debezium.transforms.ExtractNewRecordState;
import io.debezium.transforms.HeaderToValue;
import io.debezium.transforms.ToLogicalTopicRouter;
import io.debezium.transforms.outbox.EventRouter;
import io.debezium.transforms.partitions.PartitionRouting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * The Debezium 3.7 transforms a Debezium user chains after a PostgreSQL connector, each in the configurations
 * that read the envelope: {@code ExtractNewRecordState} in every delete handling mode with {@code add.fields} and
 * {@code add.headers} naming every field Debezium offers (envelope, source block, transaction block; qualified
 * and short), {@code ExtractChangedRecordState}, {@code ToLogicalTopicRouter}, {@code HeaderToValue},
 * {@code PartitionRouting}, and the outbox {@code EventRouter} for outbox tables.
 */
public final class DebeziumTransformCases {

    /** One transform chain: fresh, configured instances for each side. */
    public record Case(String name, List<Step> steps) {

        /** A new chain, configured. */
        List<Transformation<SourceRecord>> create() {
            return steps.stream().map(Step::create).toList();
        }
    }

    /** One transform of a chain and its configuration. */
    public record Step(Supplier<Transformation<SourceRecord>> transform, Map<String, String> config) {

        Transformation<SourceRecord> create() {
            Transformation<SourceRecord> t = transform.get();
            t.configure(config);
            return t;
        }
    }

    private static final List<String> DELETE_HANDLING_MODES =
            List.of("drop", "tombstone", "rewrite", "rewrite-with-tombstone", "delete-to-tombstone");
    private static final List<String> ENVELOPE_FIELDS = List.of("op", "ts_ms", "ts_us", "ts_ns");
    private static final List<String> TRANSACTION_FIELDS = List.of("id", "total_order", "data_collection_order");
    /** Short names ExtractNewRecordState reads from the envelope rather than the source block. */
    private static final List<String> SHORT_NAMES_OF_ENVELOPE = List.of("ts_ms", "ts_us", "ts_ns");

    private DebeziumTransformCases() {
    }

    /** Every case that applies to a table's change events, tombstones and transaction records. */
    public static List<Case> forTables(Schema debeziumSourceSchema) {
        List<String> sourceFields = debeziumSourceSchema.fields().stream().map(Field::name).toList();
        String qualified = join(ENVELOPE_FIELDS.stream(),
                sourceFields.stream().map(f -> "source." + f),
                TRANSACTION_FIELDS.stream().map(f -> "transaction." + f));
        String shortNames = join(ENVELOPE_FIELDS.stream(),
                sourceFields.stream().map(f -> SHORT_NAMES_OF_ENVELOPE.contains(f) ? "source." + f : f),
                TRANSACTION_FIELDS.stream());
        List<Case> cases = new ArrayList<>();
        for (String mode : DELETE_HANDLING_MODES) {
            cases.add(single("ExtractNewRecordState " + mode + ", qualified names", ExtractNewRecordState::new, Map.of(
                    "delete.tombstone.handling.mode", mode, "add.fields", qualified, "add.headers", qualified)));
            cases.add(single("ExtractNewRecordState " + mode + ", short names", ExtractNewRecordState::new, Map.of(
                    "delete.tombstone.handling.mode", mode, "add.fields", shortNames, "add.headers", shortNames,
                    "add.fields.prefix", "meta_", "add.headers.prefix", "meta_")));
        }
        cases.add(single("ExtractChangedRecordState", ExtractChangedRecordState::new,
                Map.of("header.changed.name", "Changed", "header.unchanged.name", "Unchanged")));
        cases.add(single("ToLogicalTopicRouter", ToLogicalTopicRouter::new,
                Map.of("topic.regex", "([^.]+)\\.([^.]+)\\.([^.]+)", "topic.replacement", "$1.all_tables")));
        cases.add(new Case("ExtractNewRecordState headers, then HeaderToValue", List.of(
                new Step(ExtractNewRecordState::new, Map.of("delete.tombstone.handling.mode", "rewrite",
                        "add.headers", "op,table,lsn,source.ts_us")),
                new Step(HeaderToValue::new, Map.of("headers", "__op,__table,__lsn,__source_ts_us",
                        "fields", "op,table,lsn,committed_us", "operation", "move")))));
        cases.add(single("PartitionRouting", PartitionRouting::new,
                Map.of("partition.payload.fields", "source.table,source.txId,change.id", "partition.topic.num", "7")));
        return cases;
    }

    /** The outbox EventRouter, for the events of an outbox table (columns id, aggregatetype, aggregateid, type, payload). */
    public static List<Case> forOutboxTables() {
        return List.of(
                single("EventRouter", EventRouter::new, Map.of()),
                single("EventRouter, additional fields", EventRouter::new, Map.of(
                        "table.fields.additional.placement", "type:header:eventType,aggregateid:envelope:aggregate")));
    }

    private static Case single(String name, Supplier<Transformation<SourceRecord>> transform, Map<String, String> config) {
        return new Case(name, List.of(new Step(transform, config)));
    }

    @SafeVarargs
    private static String join(Stream<String>... parts) {
        return Stream.of(parts).flatMap(s -> s).collect(Collectors.joining(","));
    }
}
