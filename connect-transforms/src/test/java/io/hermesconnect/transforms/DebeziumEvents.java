package io.hermesconnect.transforms;

import io.debezium.data.Envelope;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/** Events built with Debezium's own {@link Envelope}, as its PostgreSQL connector emits them. */
public final class DebeziumEvents {

    public static final Schema CUSTOMER = SchemaBuilder.struct().name("dbz.inventory.customers.Value").optional()
            .field("id", Schema.INT32_SCHEMA)
            .field("first_name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("last_name", Schema.OPTIONAL_STRING_SCHEMA)
            .field("email", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    /** The shape of Debezium 3.7's {@code io.debezium.connector.postgresql.Source}. */
    private static final Schema SOURCE = SchemaBuilder.struct().name("io.debezium.connector.postgresql.Source").version(1)
            .field("version", Schema.STRING_SCHEMA).field("connector", Schema.STRING_SCHEMA)
            .field("name", Schema.STRING_SCHEMA).field("ts_ms", Schema.INT64_SCHEMA)
            .field("snapshot", SchemaBuilder.string().name("io.debezium.data.Enum").version(1)
                    .parameter("allowed", "true,first,first_in_data_collection,last_in_data_collection,last,false,incremental")
                    .optional().defaultValue("false").build())
            .field("db", Schema.STRING_SCHEMA).field("sequence", Schema.OPTIONAL_STRING_SCHEMA)
            .field("ts_us", Schema.OPTIONAL_INT64_SCHEMA).field("ts_ns", Schema.OPTIONAL_INT64_SCHEMA)
            .field("schema", Schema.STRING_SCHEMA).field("table", Schema.STRING_SCHEMA)
            .field("txId", Schema.OPTIONAL_INT64_SCHEMA).field("lsn", Schema.OPTIONAL_INT64_SCHEMA)
            .field("xmin", Schema.OPTIONAL_INT64_SCHEMA).field("origin", Schema.OPTIONAL_STRING_SCHEMA)
            .field("origin_lsn", Schema.OPTIONAL_INT64_SCHEMA)
            .build();

    private static final Envelope ENVELOPE = Envelope.defineSchema().withName("dbz.inventory.customers.Envelope")
            .withRecord(CUSTOMER).withSource(SOURCE).build();

    private DebeziumEvents() {
    }

    public static Struct customer(int id, String first, String last, String email) {
        return new Struct(CUSTOMER).put("id", id).put("first_name", first).put("last_name", last).put("email", email);
    }

    public static SourceRecord customerCreated() {
        return record(ENVELOPE.create(customer(1001, "Sally", "Thomas", "sally.thomas@acme.com"), source(), Instant.ofEpochMilli(2000)));
    }

    public static SourceRecord customerUpdated() {
        return record(ENVELOPE.update(customer(1001, "Sally", "Thomas", "sally.thomas@acme.com"),
                customer(1001, "Sally", "Jones", "sally.jones@acme.com"), source(), Instant.ofEpochMilli(3000)));
    }

    private static Struct source() {
        return new Struct(SOURCE).put("version", "3.7.0.Final").put("connector", "postgresql").put("name", "dbz")
                .put("ts_ms", 1000L).put("ts_us", 1_000_000L).put("ts_ns", 1_000_000_000L).put("snapshot", "false").put("db", "postgres").put("schema", "inventory")
                .put("table", "customers").put("txId", 9L).put("lsn", 123L);
    }

    private static SourceRecord record(Struct value) {
        return new SourceRecord(Map.of(), Map.of(), "dbz.inventory.customers", 0, null, null, value.schema(), value);
    }
}
