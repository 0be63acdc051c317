package io.hermesconnect.source.diff.fetch.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.common.event.SemanticTypes;
import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.source.diff.fetch.FetchException.Refused;
import io.hermesconnect.source.diff.fetch.FetchQuery;
import io.hermesconnect.testkit.mariadb.MariaDbServer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every MariaDB type the JDBC source supports, described and read from a real server, extremes and NULLs. */
class MariaDbFetchIT {

    private static final String TABLE = """
            CREATE TABLE all_types (
              id INT PRIMARY KEY, c_tinyint TINYINT, c_tinyint_u TINYINT UNSIGNED, c_bool BOOLEAN, c_bit1 BIT(1),
              c_smallint SMALLINT, c_smallint_u SMALLINT UNSIGNED,
              c_mediumint MEDIUMINT, c_mediumint_u MEDIUMINT UNSIGNED,
              c_int INT, c_int_u INT UNSIGNED, c_bigint BIGINT, c_bigint_u BIGINT UNSIGNED, c_year YEAR,
              c_decimal DECIMAL(12,3), c_float FLOAT, c_double DOUBLE,
              c_char CHAR(5), c_varchar VARCHAR(50), c_text TEXT, c_longtext LONGTEXT, c_enum ENUM('a','b'),
              c_binary BINARY(2), c_varbinary VARBINARY(10), c_blob BLOB, c_bit8 BIT(8),
              c_date DATE, c_time TIME(3), c_datetime DATETIME(6), c_timestamp TIMESTAMP NULL,
              c_json JSON, c_uuid UUID)
            """;
    private static final String TIME_ZONE_TEST_ZONE = "'+05:00'";
    private static JdbcSettings settings;

    @BeforeAll
    static void createTable() {
        MariaDbServer server = MariaDbServer.shared();
        settings = JdbcTestSources.mariaDb(server);
        // rows written in a session five hours east of UTC: TIMESTAMPs must still read as the same instant
        server.executeIn(JdbcTestSources.database(settings), TABLE, "SET time_zone = " + TIME_ZONE_TEST_ZONE,
                "INSERT INTO all_types VALUES (1, -128, 0, false, b'0', -32768, 0, -8388608, 0,"
                        + " -2147483648, 0, -9223372036854775808, 0, 1901, -999999999.999,"
                        + " -3.4e38, -1.7976931348623157e308,"
                        + " 'ab', 'héllo ☃', '', 'long', 'a', x'0001', x'', x'00ff', b'00000000',"
                        + " '1000-01-01', '00:00:00', '1000-01-01 00:00:00', '1970-01-01 05:00:01',"
                        + " '{\"a\": [1, 2]}', '123e4567-e89b-12d3-a456-426614174000')",
                "INSERT INTO all_types VALUES (2, 127, 255, true, b'1', 32767, 65535, 8388607, 16777215,"
                        + " 2147483647, 4294967295, 9223372036854775807, 18446744073709551615, 2155, 999999999.999,"
                        + " 3.4e38, 1.7976931348623157e308, '', '', 'text', '', 'b', x'ffff', x'ff', x'', b'11111111',"
                        + " '9999-12-31', '23:59:59.999', '9999-12-31 23:59:59.999999', '2038-01-19 08:14:07',"
                        + " 'null', '00000000-0000-0000-0000-000000000000')",
                "INSERT INTO all_types (id) VALUES (3)");
    }

    @Test
    void describeGivesConnectSchemasWithUnsignedTypesWidened() throws FetchException {
        try (JdbcFetcher fetcher = new JdbcFetcher(settings)) {
            Map<String, Schema> schemas = fetcher.describe(new FetchQuery.Sql("SELECT * FROM all_types"));

            assertThat(schemas).hasSize(32).containsEntry("id", Schema.OPTIONAL_INT32_SCHEMA)
                    .containsEntry("c_tinyint", Schema.OPTIONAL_INT8_SCHEMA)
                    .containsEntry("c_tinyint_u", Schema.OPTIONAL_INT16_SCHEMA)
                    .containsEntry("c_bool", Schema.OPTIONAL_BOOLEAN_SCHEMA)
                    .containsEntry("c_bit1", Schema.OPTIONAL_BOOLEAN_SCHEMA)
                    .containsEntry("c_smallint", Schema.OPTIONAL_INT16_SCHEMA)
                    .containsEntry("c_smallint_u", Schema.OPTIONAL_INT32_SCHEMA)
                    .containsEntry("c_mediumint", Schema.OPTIONAL_INT32_SCHEMA)
                    .containsEntry("c_mediumint_u", Schema.OPTIONAL_INT32_SCHEMA)
                    .containsEntry("c_int", Schema.OPTIONAL_INT32_SCHEMA)
                    .containsEntry("c_int_u", Schema.OPTIONAL_INT64_SCHEMA)
                    .containsEntry("c_bigint", Schema.OPTIONAL_INT64_SCHEMA)
                    .containsEntry("c_bigint_u", decimal(0, "20"))
                    .containsEntry("c_year", Schema.OPTIONAL_INT32_SCHEMA)
                    .containsEntry("c_decimal", decimal(3, "12"))
                    .containsEntry("c_float", Schema.OPTIONAL_FLOAT32_SCHEMA)
                    .containsEntry("c_double", Schema.OPTIONAL_FLOAT64_SCHEMA)
                    .containsEntry("c_char", Schema.OPTIONAL_STRING_SCHEMA)
                    .containsEntry("c_varchar", Schema.OPTIONAL_STRING_SCHEMA)
                    .containsEntry("c_text", Schema.OPTIONAL_STRING_SCHEMA)
                    .containsEntry("c_longtext", Schema.OPTIONAL_STRING_SCHEMA)
                    .containsEntry("c_enum", Schema.OPTIONAL_STRING_SCHEMA)
                    .containsEntry("c_binary", Schema.OPTIONAL_BYTES_SCHEMA)
                    .containsEntry("c_varbinary", Schema.OPTIONAL_BYTES_SCHEMA)
                    .containsEntry("c_blob", Schema.OPTIONAL_BYTES_SCHEMA)
                    .containsEntry("c_bit8", Schema.OPTIONAL_BYTES_SCHEMA)
                    .containsEntry("c_date", org.apache.kafka.connect.data.Date.builder().optional().build())
                    .containsEntry("c_time", Time.builder().optional().build())
                    .containsEntry("c_datetime", Timestamp.builder().optional().build())
                    .containsEntry("c_timestamp", Timestamp.builder().optional().build())
                    .containsEntry("c_json", SchemaBuilder.string().name(SemanticTypes.JSON).optional().build())
                    .containsEntry("c_uuid", SchemaBuilder.string().name(SemanticTypes.UUID).optional().build());
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
        assertThat(low).containsEntry("c_tinyint", (byte) -128).containsEntry("c_tinyint_u", (short) 0)
                .containsEntry("c_bool", false).containsEntry("c_bit1", false)
                .containsEntry("c_smallint", (short) -32768).containsEntry("c_smallint_u", 0)
                .containsEntry("c_mediumint", -8388608).containsEntry("c_mediumint_u", 0)
                .containsEntry("c_int", Integer.MIN_VALUE).containsEntry("c_int_u", 0L)
                .containsEntry("c_bigint", Long.MIN_VALUE).containsEntry("c_bigint_u", BigDecimal.ZERO)
                .containsEntry("c_year", 1901).containsEntry("c_decimal", new BigDecimal("-999999999.999"))
                .containsEntry("c_float", -3.4e38f).containsEntry("c_double", -Double.MAX_VALUE)
                .containsEntry("c_char", "ab").containsEntry("c_varchar", "héllo ☃").containsEntry("c_text", "")
                .containsEntry("c_enum", "a")
                .containsEntry("c_date", utc("1000-01-01T00:00:00Z")).containsEntry("c_time", new Date(0))
                .containsEntry("c_datetime", utc("1000-01-01T00:00:00Z"))
                .containsEntry("c_timestamp", utc("1970-01-01T00:00:01Z"))
                .containsEntry("c_json", "{\"a\": [1, 2]}")
                .containsEntry("c_uuid", "123e4567-e89b-12d3-a456-426614174000");
        assertThat((byte[]) low.get("c_binary")).containsExactly(0, 1);
        assertThat((byte[]) low.get("c_varbinary")).isEmpty();
        assertThat((byte[]) low.get("c_blob")).containsExactly(0, 0xff);
        assertThat((byte[]) low.get("c_bit8")).containsExactly(0);

        Map<String, Object> high = rows.get(1);
        assertThat(high).containsEntry("c_tinyint", (byte) 127).containsEntry("c_tinyint_u", (short) 255)
                .containsEntry("c_bool", true).containsEntry("c_bit1", true)
                .containsEntry("c_smallint", (short) 32767).containsEntry("c_smallint_u", 65535)
                .containsEntry("c_mediumint", 8388607).containsEntry("c_mediumint_u", 16777215)
                .containsEntry("c_int", Integer.MAX_VALUE).containsEntry("c_int_u", 4294967295L)
                .containsEntry("c_bigint", Long.MAX_VALUE)
                .containsEntry("c_bigint_u", new BigDecimal("18446744073709551615"))
                .containsEntry("c_year", 2155).containsEntry("c_decimal", new BigDecimal("999999999.999"))
                .containsEntry("c_float", 3.4e38f).containsEntry("c_double", Double.MAX_VALUE)
                .containsEntry("c_char", "").containsEntry("c_longtext", "").containsEntry("c_enum", "b")
                .containsEntry("c_date", utc("9999-12-31T00:00:00Z"))
                .containsEntry("c_time", utc("1970-01-01T23:59:59.999Z"))
                .containsEntry("c_datetime", utc("9999-12-31T23:59:59.999Z"))
                .containsEntry("c_timestamp", utc("2038-01-19T03:14:07Z"))
                .containsEntry("c_json", "null").containsEntry("c_uuid", "00000000-0000-0000-0000-000000000000");
        assertThat((byte[]) high.get("c_binary")).containsExactly(0xff, 0xff);
        assertThat((byte[]) high.get("c_bit8")).containsExactly(0xff);

        JdbcTestSources.assertNullsBut(rows.get(2), 32, "id");
    }

    @Test
    void aTimeBeyondADayFailsTheFetchNamingTheColumn() {
        try (JdbcFetcher fetcher = new JdbcFetcher(settings)) {
            assertThatThrownBy(() -> JdbcTestSources.fetchAll(fetcher, "SELECT TIME '-838:59:59' AS waited"))
                    .isInstanceOf(FetchException.class)
                    .hasMessageContaining("column waited holds a TIME outside")
                    .hasMessageNotContaining("838")
                    .satisfies(e -> assertThat(((FetchException) e).isTransient()).isFalse());
        }
    }

    @Test
    void describeNamesAColumnOfAnUnsupportedType() {
        try (JdbcFetcher fetcher = new JdbcFetcher(settings)) {
            assertThatThrownBy(() -> fetcher.describe(
                    new FetchQuery.Sql("SELECT id, POINT(1, 2) AS spot FROM all_types")))
                    .isInstanceOf(FetchException.class)
                    .hasMessageContaining("column spot has type")
                    .satisfies(e -> assertThat(((FetchException) e).isTransient()).isFalse())
                    .satisfies(e -> assertThat((FetchException) e).extracting(FetchException::refused,
                            FetchException::column).containsExactly(Refused.COLUMN_TYPE, "spot"));
        }
    }

    private static Schema decimal(int scale, String precision) {
        return Decimal.builder(scale).parameter(SemanticTypes.DECIMAL_PRECISION, precision).optional().build();
    }

    private static Date utc(String instant) {
        return new Date(Instant.parse(instant).toEpochMilli());
    }
}
