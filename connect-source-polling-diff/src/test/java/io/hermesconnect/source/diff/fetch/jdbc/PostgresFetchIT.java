package io.hermesconnect.source.diff.fetch.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.common.event.PostgresInfinity;
import io.hermesconnect.common.event.SemanticTypes;
import io.hermesconnect.common.event.VariableScaleDecimal;
import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.source.diff.fetch.FetchException.Refused;
import io.hermesconnect.source.diff.fetch.FetchQuery;
import io.hermesconnect.testkit.postgres.PostgresServer;
import io.hermesconnect.testkit.postgres.PostgresVersion;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGStatement;

/** Every PostgreSQL type the JDBC source supports, described and read from a real server, extremes and NULLs. */
class PostgresFetchIT {

    private static final String TABLE = """
            CREATE TABLE all_types (
              id int PRIMARY KEY, c_int2 int2, c_int4 int4, c_int8 int8, c_serial serial,
              c_numeric numeric(10,2), c_numeric_free numeric, c_float4 float4, c_float8 float8,
              c_text text, c_varchar varchar(20), c_char char(3), c_bool bool, c_bytea bytea,
              c_date date, c_time time, c_timetz timetz, c_timestamp timestamp, c_timestamptz timestamptz,
              c_uuid uuid, c_json json, c_jsonb jsonb,
              c_int4_array int4[], c_text_array text[], c_numeric_array numeric(6,1)[], c_timestamp_array timestamp[],
              c_mood mood, c_email email)
            """;
    private static JdbcSettings settings;

    @BeforeAll
    static void createTable() {
        PostgresServer server = PostgresServer.shared(PostgresVersion.V17);
        settings = JdbcTestSources.postgres(server);
        String db = JdbcTestSources.database(settings);
        server.executeIn(db, "SET ROLE " + settings.user(), "CREATE TYPE mood AS ENUM ('sad', 'ok')",
                "CREATE DOMAIN email AS varchar(50)", TABLE,
                "INSERT INTO all_types VALUES (1, -32768, -2147483648, -9223372036854775808, 1,"
                        + " -99999999.99, 123.4500, '-Infinity', 'NaN', 'héllo ☃', 'x', 'ab', true, '\\x00ff',"
                        + " '-infinity', '00:00:00', '23:59:59.999999+14', '4713-01-01 00:00:00 BC', '-infinity',"
                        + " '123e4567-e89b-12d3-a456-426614174000', '{\"a\": [1, 2]}', '{\"b\": null}',"
                        + " '{1,NULL,3}', '{\"a,b\",\"\"}', '{1.5,NULL}', '{\"2024-01-02 03:04:05.678\"}', 'sad', 'a@b')",
                "INSERT INTO all_types VALUES (2, 32767, 2147483647, 9223372036854775807, 2,"
                        + " 99999999.99, 'NaN', 3.4028235e38, 1.7976931348623157e308, '', '', '', false, '\\x',"
                        + " '2024-02-29', '24:00:00', '12:00:00-03:30', '294276-12-31 23:59:59.999999',"
                        + " '2024-06-30 23:59:59.999+02', '00000000-0000-0000-0000-000000000000', 'null', '[]',"
                        + " '{}', '{}', '{}', '{}', 'ok', '')",
                "INSERT INTO all_types (id, c_serial) VALUES (3, 3)");
    }

    @Test
    void describeGivesTheWalSourcesSchemasWithoutRunningTheQuery() throws FetchException {
        try (JdbcFetcher fetcher = new JdbcFetcher(settings)) {
            Map<String, Schema> schemas = fetcher.describe(new FetchQuery.Sql("SELECT * FROM all_types"));

            assertThat(schemas.keySet()).startsWith("id", "c_int2", "c_int4").hasSize(28);
            assertThat(schemas).containsEntry("c_int2", Schema.OPTIONAL_INT16_SCHEMA)
                    .containsEntry("c_int4", Schema.OPTIONAL_INT32_SCHEMA)
                    .containsEntry("c_int8", Schema.OPTIONAL_INT64_SCHEMA)
                    .containsEntry("c_serial", Schema.OPTIONAL_INT32_SCHEMA)
                    .containsEntry("c_numeric", Decimal.builder(2)
                            .parameter(SemanticTypes.DECIMAL_PRECISION, "10").optional().build())
                    .containsEntry("c_numeric_free", VariableScaleDecimal.schema(true))
                    .containsEntry("c_float4", Schema.OPTIONAL_FLOAT32_SCHEMA)
                    .containsEntry("c_float8", Schema.OPTIONAL_FLOAT64_SCHEMA)
                    .containsEntry("c_text", Schema.OPTIONAL_STRING_SCHEMA)
                    .containsEntry("c_varchar", Schema.OPTIONAL_STRING_SCHEMA)
                    .containsEntry("c_char", Schema.OPTIONAL_STRING_SCHEMA)
                    .containsEntry("c_bool", Schema.OPTIONAL_BOOLEAN_SCHEMA)
                    .containsEntry("c_bytea", Schema.OPTIONAL_BYTES_SCHEMA)
                    .containsEntry("c_date", org.apache.kafka.connect.data.Date.builder().optional().build())
                    .containsEntry("c_time", Time.builder().optional().build())
                    .containsEntry("c_timetz", Time.builder().optional().build())
                    .containsEntry("c_timestamp", Timestamp.builder().optional().build())
                    .containsEntry("c_timestamptz", Timestamp.builder().optional().build())
                    .containsEntry("c_uuid", SchemaBuilder.string().name(SemanticTypes.UUID).optional().build())
                    .containsEntry("c_json", SchemaBuilder.string().name(SemanticTypes.JSON).optional().build())
                    .containsEntry("c_jsonb", SchemaBuilder.string().name(SemanticTypes.JSON).optional().build())
                    .containsEntry("c_int4_array", array(Schema.OPTIONAL_INT32_SCHEMA))
                    .containsEntry("c_text_array", array(Schema.OPTIONAL_STRING_SCHEMA))
                    .containsEntry("c_numeric_array", array(Decimal.builder(1)
                            .parameter(SemanticTypes.DECIMAL_PRECISION, "6").optional().build()))
                    .containsEntry("c_timestamp_array", array(Timestamp.builder().optional().build()))
                    .containsEntry("c_mood", Schema.OPTIONAL_STRING_SCHEMA)
                    .containsEntry("c_email", Schema.OPTIONAL_STRING_SCHEMA);
        }
    }

    @Test
    void fetchReadsEveryValueAsItsSchemasJavaValue() throws FetchException {
        List<Map<String, Object>> rows;
        try (JdbcFetcher fetcher = new JdbcFetcher(settings)) {
            rows = JdbcTestSources.fetchAll(fetcher, "SELECT * FROM all_types ORDER BY id");
        }

        assertThat(rows).hasSize(3);
        Map<String, Object> low = rows.get(0);
        assertThat(low).containsEntry("c_int2", (short) -32768).containsEntry("c_int4", Integer.MIN_VALUE)
                .containsEntry("c_int8", Long.MIN_VALUE).containsEntry("c_numeric", new BigDecimal("-99999999.99"))
                .containsEntry("c_float4", Float.NEGATIVE_INFINITY).containsEntry("c_float8", Double.NaN)
                .containsEntry("c_text", "héllo ☃").containsEntry("c_char", "ab ").containsEntry("c_bool", true)
                .containsEntry("c_date", new Date(PostgresInfinity.DATE_NEGATIVE_MILLIS))
                .containsEntry("c_time", new Date(0))
                .containsEntry("c_timetz", new Date(Instant.parse("1970-01-01T09:59:59.999Z").toEpochMilli()))
                .containsEntry("c_timestamp", new Date(Instant.parse("-4712-01-01T00:00:00Z").toEpochMilli()))
                .containsEntry("c_timestamptz", new Date(PGStatement.DATE_NEGATIVE_INFINITY))
                .containsEntry("c_uuid", "123e4567-e89b-12d3-a456-426614174000")
                .containsEntry("c_json", "{\"a\": [1, 2]}").containsEntry("c_jsonb", "{\"b\": null}")
                .containsEntry("c_int4_array", Arrays.asList(1, null, 3))
                .containsEntry("c_text_array", List.of("a,b", ""))
                .containsEntry("c_timestamp_array",
                        List.of(new Date(Instant.parse("2024-01-02T03:04:05.678Z").toEpochMilli())))
                .containsEntry("c_mood", "sad").containsEntry("c_email", "a@b");
        assertThat((byte[]) low.get("c_bytea")).containsExactly(0, 0xff);
        Struct free = (Struct) low.get("c_numeric_free");
        assertThat(free.getInt32(SemanticTypes.VARIABLE_SCALE_DECIMAL_SCALE)).isEqualTo(4);
        assertThat(new BigInteger(free.getBytes(SemanticTypes.VARIABLE_SCALE_DECIMAL_VALUE)))
                .isEqualTo(1234500);
        assertThat(low).containsEntry("c_numeric_array", Arrays.asList(new BigDecimal("1.5"), null));

        Map<String, Object> high = rows.get(1);
        assertThat(high).containsEntry("c_int2", (short) 32767).containsEntry("c_int4", Integer.MAX_VALUE)
                .containsEntry("c_int8", Long.MAX_VALUE).containsEntry("c_numeric", new BigDecimal("99999999.99"))
                .containsEntry("c_numeric_free", null).containsEntry("c_float4", 3.4028235e38f)
                .containsEntry("c_float8", Double.MAX_VALUE).containsEntry("c_text", "").containsEntry("c_char", "   ")
                .containsEntry("c_bool", false)
                .containsEntry("c_date", new Date(Instant.parse("2024-02-29T00:00:00Z").toEpochMilli()))
                .containsEntry("c_time", new Date(86_400_000L))
                .containsEntry("c_timetz", new Date(Instant.parse("1970-01-01T15:30:00Z").toEpochMilli()))
                .containsEntry("c_timestamp", new Date(Instant.parse("+294276-12-31T23:59:59.999Z").toEpochMilli()))
                .containsEntry("c_timestamptz", new Date(Instant.parse("2024-06-30T21:59:59.999Z").toEpochMilli()))
                .containsEntry("c_json", "null").containsEntry("c_jsonb", "[]")
                .containsEntry("c_int4_array", List.of()).containsEntry("c_text_array", List.of())
                .containsEntry("c_mood", "ok").containsEntry("c_email", "");
        assertThat((byte[]) high.get("c_bytea")).isEmpty();

        JdbcTestSources.assertNullsBut(rows.get(2), 28, "id", "c_serial");
    }

    @Test
    void describeNamesAColumnOfAnUnsupportedType() {
        try (JdbcFetcher fetcher = new JdbcFetcher(settings)) {
            assertThatThrownBy(() -> fetcher.describe(
                    new FetchQuery.Sql("SELECT id, ARRAY[c_mood] AS moods, interval '1 day' AS waiting FROM all_types")))
                    .isInstanceOf(FetchException.class)
                    .hasMessageContaining("column moods has type _mood")
                    .hasMessageContaining("src")
                    .satisfies(e -> assertThat(((FetchException) e).isTransient()).isFalse())
                    .satisfies(e -> assertThat((FetchException) e).extracting(FetchException::refused,
                            FetchException::column).containsExactly(Refused.COLUMN_TYPE, "moods"));
        }
    }

    private static Schema array(Schema elements) {
        return SchemaBuilder.array(elements).optional().build();
    }
}
