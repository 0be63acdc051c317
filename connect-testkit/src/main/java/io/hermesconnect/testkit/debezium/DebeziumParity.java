package io.hermesconnect.testkit.debezium;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * The event contract checked from outside: each of our records beside Debezium's record of the same event
 * ({@link DebeziumTwin}), compared field by field as they are and after every Debezium transform chain of
 * {@link DebeziumTransformCases}. A source's test builds the pairs from the records its code emits, in emission
 * order (the transforms keep state across records, as on a worker), and calls {@link #assertSame}.
 */
public final class DebeziumParity {

    /** One of our records and Debezium's record of the same event. */
    public record Pair(SourceRecord ours, SourceRecord debezium) {
    }

    private static final String TRANSACTION_VALUE_SUFFIX = "TransactionMetadataValue";
    private static final Set<String> OUTBOX_COLUMNS = Set.of("id", "aggregatetype", "aggregateid", "type", "payload");
    private static final int REPORTED = 40;

    private DebeziumParity() {
    }

    /** Pairs each record with its twin, one by one: for records without a key change among them. */
    public static List<Pair> pairs(DebeziumTwin twin, List<SourceRecord> ours) {
        return ours.stream().map(record -> new Pair(record, twin.of(record))).toList();
    }

    /**
     * Asserts that our records and Debezium's are the same field by field, and stay the same through every
     * transform case (the outbox cases over the outbox tables' records), but for the deliberate differences
     * {@link RecordDifferences} leaves out. Fails with every difference found, each naming the case and record.
     */
    public static void assertSame(DebeziumTwin twin, List<Pair> pairs) {
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            Pair pair = pairs.get(i);
            String where = "as emitted, record " + i + " (" + describe(pair.ours()) + "): ";
            RecordDifferences.between(pair.ours(), pair.debezium()).forEach(d -> differences.add(where + d));
        }
        for (DebeziumTransformCases.Case c : DebeziumTransformCases.forTables(twin.sourceSchema())) {
            compareThrough(c, pairs, differences);
        }
        List<Pair> outbox = pairs.stream().filter(p -> isOutboxEvent(p.ours())).toList();
        for (DebeziumTransformCases.Case c : DebeziumTransformCases.forOutboxTables()) {
            compareThrough(c, outbox, differences);
        }
        if (!differences.isEmpty()) {
            throw new AssertionError(differences.size() + " difference(s) from Debezium:\n  "
                    + String.join("\n  ", differences.subList(0, Math.min(REPORTED, differences.size()))));
        }
    }

    /** Whether a record is a transaction BEGIN/END record (its value schema name ends as Debezium's). */
    static boolean isTransactionRecord(SourceRecord record) {
        Schema schema = record.valueSchema();
        return schema != null && schema.name() != null && schema.name().endsWith(TRANSACTION_VALUE_SUFFIX);
    }

    private static void compareThrough(DebeziumTransformCases.Case c, List<Pair> pairs, List<String> differences) {
        if (pairs.isEmpty()) {
            return;
        }
        List<Transformation<SourceRecord>> ours = c.create();
        List<Transformation<SourceRecord>> theirs = c.create();
        int transformed = 0;
        for (int i = 0; i < pairs.size(); i++) {
            Pair pair = pairs.get(i);
            Outcome our = apply(ours, pair.ours());
            Outcome their = apply(theirs, pair.debezium());
            String where = c.name() + ", record " + i + " (" + describe(pair.ours()) + "): ";
            if (our.failure() != null || their.failure() != null) {
                if (our.failure() == null || their.failure() == null
                        || our.failure().getClass() != their.failure().getClass()) {
                    differences.add(where + "ours " + describeFailure(our) + ", Debezium's " + describeFailure(their));
                }
                continue;
            }
            RecordDifferences.between(our.record(), their.record()).forEach(d -> differences.add(where + d));
            if (our.record() != null) {
                transformed++;
            }
        }
        if (transformed == 0) {
            differences.add(c.name() + ": no record came through, so nothing was compared");
        }
        ours.forEach(Transformation::close);
        theirs.forEach(Transformation::close);
    }

    private record Outcome(SourceRecord record, RuntimeException failure) {
    }

    private static Outcome apply(List<Transformation<SourceRecord>> chain, SourceRecord record) {
        // transforms add headers to the record they are given: each case gets its own copy
        SourceRecord current = record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(),
                record.key(), record.valueSchema(), record.value(), record.timestamp(), record.headers().duplicate());
        try {
            for (Transformation<SourceRecord> t : chain) {
                if (current == null) {
                    break;
                }
                current = t.apply(current);
            }
            return new Outcome(current, null);
        } catch (RuntimeException e) {
            return new Outcome(null, e);
        }
    }

    private static boolean isOutboxEvent(SourceRecord record) {
        if (!(record.value() instanceof Struct value) || value.schema().field("after") == null) {
            return false;
        }
        Schema row = value.schema().field("after").schema();
        return OUTBOX_COLUMNS.stream().allMatch(column -> row.field(column) != null);
    }

    private static String describe(SourceRecord record) {
        if (record.value() == null) {
            return "tombstone on " + record.topic();
        }
        if (isTransactionRecord(record)) {
            return "transaction record on " + record.topic();
        }
        Struct value = (Struct) record.value();
        Object op = value.schema().field("op") == null ? null : value.get("op");
        return "op " + op + " on " + record.topic();
    }

    private static String describeFailure(Outcome outcome) {
        return outcome.failure() == null ? "succeeded" : "failed with " + outcome.failure();
    }
}
