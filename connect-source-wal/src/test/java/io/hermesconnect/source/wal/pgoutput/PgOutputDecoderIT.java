package io.hermesconnect.source.wal.pgoutput;

import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.source.wal.convert.DecimalHandlingMode;
import io.hermesconnect.source.wal.convert.EveryTypeTable;
import io.hermesconnect.source.wal.convert.TableSchema;
import io.hermesconnect.source.wal.convert.TableSchemaFactory;
import io.hermesconnect.source.wal.convert.TypeRegistry;
import io.hermesconnect.common.event.UnchangedToast;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.Begin;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.Commit;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.Delete;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.Insert;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.Message;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.StreamAbort;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.StreamCommit;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.StreamStart;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.Truncate;
import io.hermesconnect.source.wal.pgoutput.RecordingListener.Update;
import io.hermesconnect.source.wal.stream.StreamedTransactionBuffer;
import io.hermesconnect.testkit.UniqueNames;
import io.hermesconnect.testkit.postgres.PostgresServer;
import io.hermesconnect.testkit.postgres.PostgresVersion;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.PGStatement;

/**
 * The decoder over real pgoutput output: the SQL interface of a replication slot returns exactly the
 * messages the streaming protocol carries, one per row.
 */
class PgOutputDecoderIT {

    @TempDir
    Path spill;

    /** A fresh database with the every-type table, a publication of all tables and a pgoutput slot. */
    private static final class Session implements AutoCloseable {
        final PostgresServer server;
        final String database = UniqueNames.of("decode");
        final String slot = UniqueNames.of("decode_slot");
        final Connection c;
        final RecordingListener listener;
        final List<RelationMessage> relations = new ArrayList<>();
        final TypeRegistry types;
        final TableSchemaFactory factory;
        final PgOutputDecoder decoder;

        Session(PostgresVersion version, RecordingListener listener) throws SQLException {
            server = PostgresServer.shared(version);
            server.createDatabase(database);
            server.executeIn(database, EveryTypeTable.DDL);
            c = server.connect(database);
            // the embedded server runs with synchronous_commit=off, and slots only read flushed WAL
            execute("SET synchronous_commit = on");
            execute("CREATE PUBLICATION pub FOR ALL TABLES", "SELECT pg_create_logical_replication_slot('" + slot + "', 'pgoutput')");
            this.listener = listener;
            types = TypeRegistry.load(c);
            factory = new TableSchemaFactory("it", types, DecimalHandlingMode.PRECISE, (schema, table, column) -> true);
            decoder = new PgOutputDecoder(relation -> {
                relations.add(relation);
                try {
                    return factory.fromRelation(relation, TableSchemaFactory.primaryKey(c, relation.oid()));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, listener);
        }

        void execute(String... statements) throws SQLException {
            try (Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
        }

        /** Consumes the slot's pending messages. */
        List<ByteBuffer> changes(String... options) throws SQLException {
            StringBuilder sql = new StringBuilder("SELECT data FROM pg_logical_slot_get_binary_changes('" + slot + "', NULL, NULL");
            for (int i = 0; i < options.length; i++) {
                sql.append(", ?");
            }
            List<ByteBuffer> messages = new ArrayList<>();
            try (PreparedStatement statement = c.prepareStatement(sql.append(')').toString())) {
                for (int i = 0; i < options.length; i++) {
                    statement.setString(i + 1, options[i]);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        messages.add(ByteBuffer.wrap(rs.getBytes(1)));
                    }
                }
            }
            return messages;
        }

        void decodeProtocol1() throws SQLException {
            changes("proto_version", "1", "publication_names", "pub").forEach(decoder::decode);
        }

        String text(String sql) throws SQLException {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            }
        }

        @Override
        public void close() throws SQLException {
            execute("SELECT pg_drop_replication_slot('" + slot + "')");
            c.close();
        }
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void streamingAndCatalogSchemasAreEqual(PostgresVersion version) throws SQLException {
        try (Session session = new Session(version, new RecordingListener())) {
            session.execute("CREATE TABLE ident_full (id int PRIMARY KEY, v text)", "ALTER TABLE ident_full REPLICA IDENTITY FULL",
                    "CREATE TABLE ident_index (id int PRIMARY KEY, code text NOT NULL, v text)",
                    "CREATE UNIQUE INDEX ident_index_code ON ident_index (code)",
                    "ALTER TABLE ident_index REPLICA IDENTITY USING INDEX ident_index_code",
                    "CREATE TABLE no_key (a int, b text)");
            session.execute(EveryTypeTable.INSERT_EDGES, "INSERT INTO ident_full VALUES (1, 'a')",
                    "INSERT INTO ident_index VALUES (1, 'c', 'v')", "INSERT INTO no_key VALUES (1, 'b')");
            session.decodeProtocol1();
            assertThat(session.relations).extracting(RelationMessage::table)
                    .containsExactly(EveryTypeTable.TABLE, "ident_full", "ident_index", "no_key");
            for (RelationMessage streamed : session.relations) {
                TableSchema fromCatalog = session.factory.fromCatalog(session.c, streamed.schema(), streamed.table(), column -> true);
                TableSchema fromStream = session.factory.fromRelation(streamed,
                        TableSchemaFactory.primaryKey(session.c, streamed.oid()));
                assertThat(fromCatalog.relation()).as(streamed.table()).isEqualTo(streamed);
                assertThat(fromCatalog.schemas().valueSchema()).as(streamed.table()).isEqualTo(fromStream.schemas().valueSchema());
                assertThat(fromCatalog.schemas().keySchema()).as(streamed.table()).isEqualTo(fromStream.schemas().keySchema());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void decodesEveryTypeFromServerOutput(PostgresVersion version) throws SQLException {
        try (Session session = new Session(version, new RecordingListener())) {
            session.execute(EveryTypeTable.INSERT_EDGES, "INSERT INTO every_type (id) VALUES (2)");
            // the decoding session's time zone shapes timestamptz output; its IntervalStyle is the connector's (PgConnections)
            session.execute("SET TimeZone = 'Asia/Kolkata'", "SET IntervalStyle = 'iso_8601'");
            session.decodeProtocol1();
            List<Struct> rows = session.listener.events.stream().filter(Insert.class::isInstance)
                    .map(e -> ((Insert) e).after()).toList();
            assertThat(rows).hasSize(2);
            Struct edges = rows.get(0);
            edges.validate();
            assertThat(edges.getInt64("id")).isEqualTo(1L);
            assertThat(edges.getInt16("c_int2")).isEqualTo((short) -32768);
            assertThat(edges.getInt32("c_int4")).isEqualTo(Integer.MAX_VALUE);
            assertThat(edges.getInt64("c_oid")).isEqualTo(4_294_967_295L);
            assertThat(edges.getFloat32("c_float4")).isEqualTo(1.5f);
            assertThat(edges.getFloat64("c_float8")).isEqualTo(-Double.MAX_VALUE);
            assertThat(edges.get("c_numeric")).isEqualTo(new BigDecimal("12345678.90"));
            assertThat(edges.get("c_numeric_free")).as("NaN in precise mode").isNull();
            assertThat(edges.getBoolean("c_bool")).isTrue();
            assertThat(edges.getString("c_text")).isEqualTo("héllo ✓");
            assertThat(edges.getString("c_varchar")).isEqualTo("var");
            assertThat(edges.getString("c_bpchar")).isEqualTo("ab   ");
            assertThat(edges.getString("c_name")).isEqualTo("nm");
            assertThat(edges.getString("c_char")).isEqualTo("x");
            assertThat(edges.getString("c_citext")).isEqualTo("MiXeD");
            assertThat(edges.getBytes("c_bytea")).containsExactly(0x00, 0xff, 0x10);
            assertThat(edges.get("c_date")).isEqualTo(new Date(LocalDate.of(-43, 3, 15).toEpochDay() * 86_400_000L));
            assertThat(edges.get("c_time")).isEqualTo(new Date(86_400_000L));
            assertThat(edges.get("c_timetz")).isEqualTo(new Date((11 * 60 + 45) * 60_000L));
            assertThat(edges.get("c_timestamp")).isEqualTo(new Date(PGStatement.DATE_POSITIVE_INFINITY));
            assertThat(edges.get("c_timestamptz")).isEqualTo(Date.from(Instant.parse("2024-01-02T02:04:05.123Z")));
            assertThat(edges.getString("c_interval")).isEqualTo("P-1Y-2M3DT-4H-5M-6.5S");
            assertThat(edges.getString("c_uuid")).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
            assertThat(edges.getString("c_json")).isEqualTo("{\"a\": [1, \"é\"]}");
            assertThat(edges.getString("c_jsonb")).isEqualTo("{\"b\": null}");
            assertThat(edges.getArray("c_int_array")).isEqualTo(Arrays.asList(1, 2, 3, null));
            assertThat(edges.getArray("c_text_array")).isEqualTo(Arrays.asList("a,b", "say \"hi\"", "back\\slash", null, "NULL", "", "{x}"));
            assertThat(edges.getArray("c_numeric_array")).isEqualTo(Arrays.asList(new BigDecimal("1.50"), null));
            assertThat(edges.getArray("c_date_array")).isEqualTo(List.of(new Date(Integer.MAX_VALUE * 86_400_000L),
                    new Date(LocalDate.of(2024, 2, 29).toEpochDay() * 86_400_000L)));
            assertThat(edges.getString("c_mood")).isEqualTo("happy");
            assertThat(edges.getArray("c_mood_array")).isEqualTo(List.of("sad", "happy"));
            assertThat(edges.getInt32("c_positive")).isEqualTo(42);
            assertThat(edges.get("c_amount")).isEqualTo(new BigDecimal("10.50"));
            for (String other : List.of("c_money", "c_inet", "c_cidr", "c_macaddr", "c_xml", "c_range", "c_point", "c_box",
                    "c_tsvector", "c_bit")) {
                assertThat(edges.getString(other)).as(other).isEqualTo(session.text("SELECT " + other + "::text FROM every_type WHERE id = 1"));
            }

            Struct nulls = rows.get(1);
            nulls.validate();
            for (Field field : nulls.schema().fields()) {
                if (!field.name().equals("id")) {
                    assertThat(nulls.get(field)).as(field.name()).isNull();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void unchangedToastValues(PostgresVersion version) throws SQLException {
        try (Session session = new Session(version, new RecordingListener())) {
            session.execute("CREATE TABLE toasty (id int PRIMARY KEY, note text, big text, tags text[])",
                    "INSERT INTO toasty SELECT 1, 'first', string_agg(md5(i::text), ''), ARRAY[string_agg(md5((-i)::text), '')]"
                            + " FROM generate_series(1, 400) i",
                    "UPDATE toasty SET note = 'second'",
                    "ALTER TABLE toasty REPLICA IDENTITY FULL",
                    "UPDATE toasty SET note = 'third'");
            String big = session.text("SELECT big FROM toasty");
            session.decodeProtocol1();
            List<Update> updates = session.listener.events.stream().filter(Update.class::isInstance).map(Update.class::cast).toList();
            assertThat(updates).hasSize(2);

            Struct placeholders = updates.get(0).after();
            assertThat(updates.get(0).before()).isNull();
            assertThat(placeholders.getString("note")).isEqualTo("second");
            assertThat(placeholders.getString("big")).isEqualTo(UnchangedToast.PLACEHOLDER);
            assertThat(placeholders.getArray("tags")).containsExactly(UnchangedToast.PLACEHOLDER);

            Struct filled = updates.get(1).after();
            assertThat(updates.get(1).before().getString("note")).isEqualTo("second");
            assertThat(filled.getString("note")).isEqualTo("third");
            assertThat(filled.getString("big")).isEqualTo(big).hasSize(12_800);
            assertThat(filled.getArray("tags")).singleElement().asString().hasSize(12_800);
        }
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void updatesDeletesAndTruncates(PostgresVersion version) throws SQLException {
        try (Session session = new Session(version, new RecordingListener())) {
            session.execute("CREATE TABLE parent (id int PRIMARY KEY, v text)",
                    "CREATE TABLE child (id serial PRIMARY KEY, parent int REFERENCES parent)",
                    "INSERT INTO parent VALUES (1, 'a'), (2, 'b')", "INSERT INTO child (parent) VALUES (1)",
                    "UPDATE parent SET v = 'c' WHERE id = 2",
                    "UPDATE parent SET id = 3 WHERE id = 2",
                    "DELETE FROM child",
                    "TRUNCATE parent RESTART IDENTITY CASCADE");
            session.decodeProtocol1();
            List<Object> events = session.listener.events;
            List<Update> updates = events.stream().filter(Update.class::isInstance).map(Update.class::cast).toList();
            assertThat(updates.get(0).before()).isNull();
            assertThat(updates.get(0).after().getString("v")).isEqualTo("c");
            assertThat(updates.get(1).before().getInt32("id")).as("key changed: old key sent").isEqualTo(2);
            assertThat(updates.get(1).before().getString("v")).isNull();
            assertThat(updates.get(1).after().getInt32("id")).isEqualTo(3);
            Delete delete = events.stream().filter(Delete.class::isInstance).map(Delete.class::cast).findFirst().orElseThrow();
            assertThat(delete.table().table()).isEqualTo("child");
            assertThat(delete.before().getInt32("id")).isEqualTo(1);
            Truncate truncate = session.listener.last(Truncate.class);
            assertThat(truncate.tables()).extracting(TableSchema::table).containsExactlyInAnyOrder("parent", "child");
            assertThat(truncate.cascade()).isTrue();
            assertThat(truncate.restartIdentity()).isTrue();
            assertThat(events).filteredOn(Begin.class::isInstance).hasSameSizeAs(events.stream().filter(Commit.class::isInstance).toList());
        }
    }

    /** Protocol 2 (PostgreSQL 14+): large transactions arrive in blocks before they commit. */
    @Test
    void streamedTransactionsReplayOnlyCommittedWork() throws SQLException {
        StreamBlockRouter router = new StreamBlockRouter(new StreamedTransactionBuffer(spill, 32 * 1024));
        try (Session session = new Session(PostgresVersion.V17, router)) {
            router.decoder = session.decoder;
            session.execute("CREATE TABLE bulk (id int PRIMARY KEY, payload text)");
            session.c.setAutoCommit(false);
            session.execute("INSERT INTO bulk SELECT i, repeat('x', 100) FROM generate_series(1, 2000) i",
                    "SAVEPOINT s1",
                    "INSERT INTO bulk SELECT i, repeat('y', 100) FROM generate_series(10001, 12000) i",
                    "ROLLBACK TO SAVEPOINT s1",
                    "SELECT pg_logical_emit_message(true, 'tx', 'inside')",
                    "INSERT INTO bulk SELECT i, repeat('z', 100) FROM generate_series(3001, 4000) i");
            session.c.commit();
            session.execute("INSERT INTO bulk SELECT i, 'aborted' FROM generate_series(20001, 23000) i");
            session.c.rollback();
            session.execute("INSERT INTO bulk VALUES (5000, 'small')");
            session.c.commit();
            session.c.setAutoCommit(true);
            // a non-transactional message has no commit to wait for: flush it (PostgreSQL 17's 4th argument),
            // since a slot only reads flushed WAL
            session.execute("SELECT pg_logical_emit_message(false, 'hb', 'outside', true)", "SET logical_decoding_work_mem = '64kB'");

            session.changes("proto_version", "2", "streaming", "on", "messages", "true", "publication_names", "pub")
                    .forEach(router::receive);

            List<Object> events = router.events;
            assertThat(events).filteredOn(StreamStart.class::isInstance).hasSizeGreaterThan(2);
            assertThat(events).filteredOn(StreamAbort.class::isInstance).isNotEmpty();
            StreamCommit commit = router.last(StreamCommit.class);
            List<Insert> inserts = events.stream().filter(Insert.class::isInstance).map(Insert.class::cast).toList();
            assertThat(inserts).hasSize(3001);
            assertThat(inserts.subList(0, 3000)).allSatisfy(i -> assertThat(i.xid()).isEqualTo(commit.xid()));
            assertThat(inserts).extracting(i -> i.after().getInt32("id")).containsExactlyElementsOf(ids());
            assertThat(events.indexOf(commit)).isLessThan(events.indexOf(inserts.get(0)));
            assertThat(events).filteredOn(Message.class::isInstance).extracting(m -> ((Message) m).prefix(),
                    m -> new String(((Message) m).content(), StandardCharsets.UTF_8), m -> ((Message) m).xid())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("tx", "inside", commit.xid()),
                            org.assertj.core.groups.Tuple.tuple("hb", "outside", 0));
            assertThat(router.buffer.memoryBytes()).isZero();
        }
    }

    private static List<Integer> ids() {
        List<Integer> ids = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            ids.add(i);
        }
        for (int i = 3001; i <= 4000; i++) {
            ids.add(i);
        }
        ids.add(5000);
        return ids;
    }
}
