package io.hermesconnect.source.wal.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.common.event.SemanticTypes;
import io.hermesconnect.source.wal.convert.TypeRegistry.PgType;
import io.hermesconnect.testkit.postgres.PostgresServer;
import io.hermesconnect.testkit.postgres.PostgresVersion;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The type registry and catalog reads against real servers; decoding real output is in PgOutputDecoderIT. */
class TableSchemaFactoryIT {

    private static Connection connect(PostgresVersion version) throws SQLException {
        return PostgresServer.shared(version).connect(EveryTypeTable.database(version));
    }

    private static TableSchemaFactory factory(TypeRegistry types) {
        return new TableSchemaFactory("it", types, DecimalHandlingMode.PRECISE, (schema, table, column) -> true);
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void registryKnowsBuiltInAndUserTypes(PostgresVersion version) throws SQLException {
        try (Connection c = connect(version)) {
            TypeRegistry types = TypeRegistry.load(c);
            assertThat(types.get(ColumnTypes.INT4).name()).isEqualTo("int4");
            assertThat(types.get(1007)).satisfies(t -> {
                assertThat(t.category()).isEqualTo('A');
                assertThat(t.elementOid()).isEqualTo(ColumnTypes.INT4);
            });
            assertThat(types.get(603).delimiter()).as("box").isEqualTo(';');
            PgType mood = type(c, types, "mood");
            assertThat(mood.kind()).isEqualTo('e');
            assertThat(mood.enumLabels()).containsExactly("sad", "ok", "happy");
            PgType amount = type(c, types, "amount");
            assertThat(amount.kind()).isEqualTo('d');
            assertThat(amount.baseOid()).isEqualTo(ColumnTypes.NUMERIC);
            assertThat(amount.baseTypmod()).isEqualTo(TestTypes.numericTypmod(10, 2));
            assertThat(type(c, types, "citext").category()).isEqualTo('S');
            int rowType = oid(c, "SELECT reltype FROM pg_class WHERE relname = 'every_type'");
            assertThat(types.contains(rowType)).as("table row types are left out").isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void refreshFindsTypesCreatedLater(PostgresVersion version) throws SQLException {
        try (Connection c = connect(version)) {
            TypeRegistry types = TypeRegistry.load(c);
            String name = "later_" + version.major();
            c.createStatement().execute("CREATE TYPE " + name + " AS ENUM ('x')");
            int oid = oid(c, "SELECT '" + name + "'::regtype::oid");
            assertThat(types.contains(oid)).isFalse();
            types.refresh(c);
            assertThat(types.get(oid).enumLabels()).containsExactly("x");
        }
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void catalogSchemaOfEveryTypeFamily(PostgresVersion version) throws SQLException {
        try (Connection c = connect(version)) {
            TableSchema table = factory(TypeRegistry.load(c)).fromCatalog(c, "public", EveryTypeTable.TABLE, column -> true);
            assertThat(table.primaryKey()).containsExactly("id");
            assertThat(table.replicaIdentity()).isEqualTo('d');
            assertThat(table.relation().columns()).first().satisfies(id -> assertThat(id.isKey()).isTrue());
            Schema row = table.schemas().rowSchema();
            assertThat(row.fields()).extracting(Field::name).doesNotContain("c_dropped", "c_generated").hasSize(43);
            assertThat(row.field("id").schema()).isEqualTo(Schema.INT64_SCHEMA);
            assertThat(row.field("c_int2").schema()).isEqualTo(Schema.OPTIONAL_INT16_SCHEMA);
            assertThat(row.field("c_oid").schema()).isEqualTo(Schema.OPTIONAL_INT64_SCHEMA);
            assertThat(row.field("c_float4").schema()).isEqualTo(Schema.OPTIONAL_FLOAT32_SCHEMA);
            assertThat(row.field("c_numeric").schema().name()).isEqualTo(Decimal.LOGICAL_NAME);
            assertThat(row.field("c_numeric").schema().parameters()).containsEntry(Decimal.SCALE_FIELD, "2")
                    .containsEntry(SemanticTypes.DECIMAL_PRECISION, "10");
            assertThat(row.field("c_numeric_free").schema().name()).isEqualTo(SemanticTypes.VARIABLE_SCALE_DECIMAL);
            for (String text : List.of("c_text", "c_varchar", "c_bpchar", "c_name", "c_char", "c_citext")) {
                assertThat(row.field(text).schema()).as(text).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
            }
            assertThat(row.field("c_bytea").schema()).isEqualTo(Schema.OPTIONAL_BYTES_SCHEMA);
            assertThat(row.field("c_date").schema().name()).isEqualTo(Date.LOGICAL_NAME);
            assertThat(row.field("c_time").schema().name()).isEqualTo(Time.LOGICAL_NAME);
            assertThat(row.field("c_timetz").schema().name()).isEqualTo(Time.LOGICAL_NAME);
            assertThat(row.field("c_timestamp").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
            assertThat(row.field("c_timestamptz").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
            assertThat(row.field("c_interval").schema().name()).isEqualTo(SemanticTypes.INTERVAL);
            assertThat(row.field("c_uuid").schema().name()).isEqualTo(SemanticTypes.UUID);
            assertThat(row.field("c_json").schema().name()).isEqualTo(SemanticTypes.JSON);
            assertThat(row.field("c_jsonb").schema().name()).isEqualTo(SemanticTypes.JSON);
            assertThat(row.field("c_int_array").schema().valueSchema()).isEqualTo(Schema.OPTIONAL_INT32_SCHEMA);
            assertThat(row.field("c_numeric_array").schema().valueSchema().parameters()).containsEntry(Decimal.SCALE_FIELD, "2");
            assertThat(row.field("c_mood").schema().parameters()).containsEntry(SemanticTypes.ENUM_ALLOWED, "sad,ok,happy");
            assertThat(row.field("c_mood_array").schema().valueSchema().name()).isEqualTo(SemanticTypes.ENUM);
            assertThat(row.field("c_positive").schema()).isEqualTo(Schema.OPTIONAL_INT32_SCHEMA);
            assertThat(row.field("c_amount").schema().parameters()).containsEntry(Decimal.SCALE_FIELD, "2");
            for (String other : List.of("money", "inet", "cidr", "macaddr", "xml", "int4range", "point", "box", "tsvector", "bit")) {
                String column = other.equals("int4range") ? "c_range" : "c_" + other;
                assertThat(row.field(column).schema().parameters()).as(column).containsEntry(SemanticTypes.PG_TYPE, other);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void primaryKeysInKeyOrder(PostgresVersion version) throws SQLException {
        try (Connection c = connect(version)) {
            String table = "pk_" + version.major();
            c.createStatement().execute("CREATE TABLE " + table + " (a int, b text, extra int, x int, PRIMARY KEY (b, a) INCLUDE (extra))");
            c.createStatement().execute("CREATE TABLE " + table + "_none (a int)");
            int oid = oid(c, "SELECT '" + table + "'::regclass::oid");
            assertThat(TableSchemaFactory.primaryKey(c, oid)).containsExactly("b", "a");
            assertThat(TableSchemaFactory.primaryKey(c, "public", table)).containsExactly("b", "a");
            assertThat(TableSchemaFactory.primaryKey(c, "public", table + "_none")).isEmpty();
            assertThat(TableSchemaFactory.primaryKey(c, "public", "missing")).isEmpty();
            TableSchema schema = factory(TypeRegistry.load(c)).fromCatalog(c, "public", table, column -> true);
            assertThat(schema.schemas().keySchema().fields()).extracting(Field::name).containsExactly("b", "a");
        }
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void replicaIdentityDecidesTheKeyFlags(PostgresVersion version) throws SQLException {
        try (Connection c = connect(version)) {
            String table = "ident_" + version.major();
            c.createStatement().execute("CREATE TABLE " + table + " (id int PRIMARY KEY, code text NOT NULL, v text)");
            c.createStatement().execute("CREATE UNIQUE INDEX " + table + "_code ON " + table + " (code)");
            TableSchemaFactory factory = factory(TypeRegistry.load(c));
            assertThat(keyFlags(factory, c, table)).containsExactly(true, false, false);
            c.createStatement().execute("ALTER TABLE " + table + " REPLICA IDENTITY USING INDEX " + table + "_code");
            assertThat(factory.fromCatalog(c, "public", table, column -> true).replicaIdentity()).isEqualTo('i');
            assertThat(keyFlags(factory, c, table)).containsExactly(false, true, false);
            c.createStatement().execute("ALTER TABLE " + table + " REPLICA IDENTITY FULL");
            assertThat(keyFlags(factory, c, table)).containsExactly(true, true, true);
            c.createStatement().execute("ALTER TABLE " + table + " REPLICA IDENTITY NOTHING");
            assertThat(keyFlags(factory, c, table)).containsExactly(false, false, false);
        }
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void missingTable(PostgresVersion version) throws SQLException {
        try (Connection c = connect(version)) {
            assertThatThrownBy(() -> factory(TypeRegistry.load(c)).fromCatalog(c, "public", "missing", column -> true))
                    .isInstanceOf(DataException.class).hasMessageContaining("public.missing");
        }
    }

    private static List<Boolean> keyFlags(TableSchemaFactory factory, Connection c, String table) throws SQLException {
        return factory.fromCatalog(c, "public", table, column -> true).relation().columns().stream().map(col -> col.isKey()).toList();
    }

    private static PgType type(Connection c, TypeRegistry types, String name) throws SQLException {
        return types.get(oid(c, "SELECT '" + name + "'::regtype::oid"));
    }

    private static int oid(Connection c, String sql) throws SQLException {
        try (var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return (int) rs.getLong(1);
        }
    }
}
