package io.hermesconnect.source.wal;

import static io.hermesconnect.source.wal.WalTestDb.after;
import static io.hermesconnect.source.wal.WalTestDb.awaitEvents;
import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.testkit.connect.ConnectCluster;
import io.hermesconnect.testkit.connect.TopicReader;
import io.hermesconnect.testkit.postgres.PostgresServer;
import io.hermesconnect.testkit.postgres.PostgresVersion;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every type family of DESIGN.md section 4, read by the snapshot and streamed, must give the same values. */
class TypesIT {

    private static final String COLUMNS = """
            id int PRIMARY KEY, c_smallint smallint, c_bigint bigint, c_real real, c_double double precision,
            c_numeric numeric(10,2), c_numeric_free numeric, c_bool bool, c_text text, c_varchar varchar(10), c_char char(3),
            c_bytea bytea, c_date date, c_time time, c_timetz timetz, c_ts timestamp, c_tstz timestamptz,
            c_interval interval, c_uuid uuid, c_json json, c_jsonb jsonb, c_int_array int[], c_text_array text[],
            c_enum mood, c_domain positive_int, c_null text""";
    private static final String VALUES = """
            -7, 9000000000, 1.5, 2.25, 12.50, 3.14159, true, 'text é', 'varchar', 'ab', '\\xdead', '2024-02-29',
            '13:14:15.123456', '13:14:15+02', '2024-02-29 13:14:15.5', '2024-02-29 13:14:15.5+01', '1 day 02:03:04',
            'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": 1}', '{"b": [1, 2]}', '{1,2,3}', '{"x","y z"}', 'happy', 5, NULL""";

    private final ConnectCluster connect = ConnectCluster.shared();

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void snapshotAndStreamGiveTheSameValuesForEveryTypeFamily(PostgresVersion version) {
        WalTestDb db = new WalTestDb(PostgresServer.shared(version));
        // the connector must not depend on the database's output styles
        db.sql("ALTER DATABASE " + db.db + " SET IntervalStyle = 'sql_standard'");
        db.sql("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')",
                "CREATE DOMAIN positive_int AS int CHECK (VALUE > 0)",
                "CREATE TABLE types (" + COLUMNS + ")",
                "INSERT INTO types VALUES (1, " + VALUES + ")");
        db.start(connect, db.config());
        db.sql("INSERT INTO types VALUES (2, " + VALUES + ")");

        try (TopicReader reader = connect.reader(db.topic("types"))) {
            List<Struct> events = awaitEvents(reader, 2);
            Struct snapshot = after(events.get(0));
            Struct streamed = after(events.get(1));
            assertThat(WalTestDb.op(events.get(0))).isEqualTo("r");
            assertThat(WalTestDb.op(events.get(1))).isEqualTo("c");
            for (Field field : snapshot.schema().fields()) {
                if (!field.name().equals("id")) {
                    assertThat(comparable(streamed.get(field.name()))).as(field.name())
                            .isEqualTo(comparable(snapshot.get(field)));
                }
            }
            assertThat(streamed.getInt16("c_smallint")).isEqualTo((short) -7);
            assertThat(streamed.getInt64("c_bigint")).isEqualTo(9_000_000_000L);
            assertThat(streamed.get("c_numeric")).isEqualTo(new BigDecimal("12.50"));
            assertThat(streamed.getBoolean("c_bool")).isTrue();
            assertThat(streamed.getString("c_text")).isEqualTo("text é");
            assertThat(comparable(streamed.get("c_bytea"))).isEqualTo(List.of((byte) 0xde, (byte) 0xad));
            assertThat(streamed.getString("c_uuid")).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
            assertThat(streamed.getArray("c_int_array")).containsExactly(1, 2, 3);
            assertThat(streamed.getArray("c_text_array")).containsExactly("x", "y z");
            assertThat(streamed.getString("c_enum")).isEqualTo("happy");
            assertThat(streamed.getInt32("c_domain")).isEqualTo(5);
            assertThat(streamed.get("c_null")).isNull();
            assertThat(streamed.get("c_date")).isNotNull();
            assertThat(streamed.get("c_tstz")).isNotNull();
            assertThat(streamed.getString("c_interval")).isEqualTo("P1DT2H3M4S");
        }
        db.delete(connect);
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void decimalHandlingModeString(PostgresVersion version) {
        WalTestDb db = new WalTestDb(PostgresServer.shared(version));
        db.sql("CREATE TABLE money (id int PRIMARY KEY, amount numeric(10,2))");
        Map<String, String> config = db.config();
        config.put(WalSourceConfig.DECIMAL_HANDLING_MODE, "string");
        config.put(WalSourceConfig.SNAPSHOT_MODE, "never");
        db.start(connect, config);
        db.sql("INSERT INTO money VALUES (1, 12.5)");

        try (TopicReader reader = connect.reader(db.topic("money"))) {
            assertThat(after(awaitEvents(reader, 1).get(0)).getString("amount")).isEqualTo("12.50");
        }
        db.delete(connect);
    }

    /** byte[] and ByteBuffer compare by identity; lists of bytes compare by value. */
    private static Object comparable(Object value) {
        byte[] bytes = value instanceof ByteBuffer buffer ? toArray(buffer) : value instanceof byte[] b ? b : null;
        if (bytes == null) {
            return value;
        }
        java.util.List<Byte> out = new java.util.ArrayList<>();
        for (byte b : bytes) {
            out.add(b);
        }
        return out;
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
