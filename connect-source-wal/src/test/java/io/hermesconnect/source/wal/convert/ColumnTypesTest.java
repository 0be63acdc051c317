package io.hermesconnect.source.wal.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.common.event.SemanticTypes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.PGStatement;

class ColumnTypesTest {

    private static final TypeRegistry TYPES = TestTypes.registry();

    private static ColumnType type(int oid, int typmod, DecimalHandlingMode mode) {
        return new ColumnTypes(TYPES, mode).of(oid, typmod, true);
    }

    private static ColumnType type(int oid) {
        return type(oid, -1, DecimalHandlingMode.PRECISE);
    }

    private static Object convert(ColumnType type, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // surround the value so that offsets are exercised
        byte[] padded = new byte[bytes.length + 6];
        Arrays.fill(padded, (byte) '#');
        System.arraycopy(bytes, 0, padded, 3, bytes.length);
        return type.converter().convert(padded, 3, bytes.length);
    }

    private static Object convert(int oid, String text) {
        return convert(type(oid), text);
    }

    private static long epochMillis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Nested
    class Integers {
        @Test
        void int2() {
            assertThat(type(ColumnTypes.INT2).schema()).isEqualTo(Schema.OPTIONAL_INT16_SCHEMA);
            assertThat(convert(ColumnTypes.INT2, "-32768")).isEqualTo((short) -32768);
            assertThat(convert(ColumnTypes.INT2, "32767")).isEqualTo((short) 32767);
        }

        @Test
        void int4() {
            assertThat(type(ColumnTypes.INT4).schema()).isEqualTo(Schema.OPTIONAL_INT32_SCHEMA);
            assertThat(convert(ColumnTypes.INT4, "2147483647")).isEqualTo(Integer.MAX_VALUE);
            assertThat(convert(ColumnTypes.INT4, "-2147483648")).isEqualTo(Integer.MIN_VALUE);
            assertThat(convert(ColumnTypes.INT4, "0")).isEqualTo(0);
        }

        @Test
        void int8AndOid() {
            assertThat(type(ColumnTypes.INT8).schema()).isEqualTo(Schema.OPTIONAL_INT64_SCHEMA);
            assertThat(convert(ColumnTypes.INT8, "-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
            assertThat(convert(ColumnTypes.INT8, "9223372036854775807")).isEqualTo(Long.MAX_VALUE);
            assertThat(convert(ColumnTypes.OID, "4294967295")).isEqualTo(4_294_967_295L);
        }

        @Test
        void rejectsGarbage() {
            assertThatThrownBy(() -> convert(ColumnTypes.INT4, "12a")).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> convert(ColumnTypes.INT4, "-")).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> convert(ColumnTypes.INT4, "")).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> convert(ColumnTypes.INT4, "2147483648")).isInstanceOf(ArithmeticException.class);
        }
    }

    @Test
    void floats() {
        assertThat(type(ColumnTypes.FLOAT4).schema()).isEqualTo(Schema.OPTIONAL_FLOAT32_SCHEMA);
        assertThat(type(ColumnTypes.FLOAT8).schema()).isEqualTo(Schema.OPTIONAL_FLOAT64_SCHEMA);
        assertThat(convert(ColumnTypes.FLOAT4, "1.5")).isEqualTo(1.5f);
        assertThat(convert(ColumnTypes.FLOAT4, "NaN")).isEqualTo(Float.NaN);
        assertThat(convert(ColumnTypes.FLOAT8, "-1.7976931348623157e+308")).isEqualTo(-Double.MAX_VALUE);
        assertThat(convert(ColumnTypes.FLOAT8, "Infinity")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(convert(ColumnTypes.FLOAT8, "-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(convert(ColumnTypes.FLOAT8, "-0")).isEqualTo(-0.0d);
        assertThat(convert(ColumnTypes.FLOAT8, "1e-05")).isEqualTo(1e-5);
    }

    @Test
    void bool() {
        assertThat(type(ColumnTypes.BOOL).schema()).isEqualTo(Schema.OPTIONAL_BOOLEAN_SCHEMA);
        assertThat(convert(ColumnTypes.BOOL, "t")).isEqualTo(true);
        assertThat(convert(ColumnTypes.BOOL, "f")).isEqualTo(false);
    }

    @Nested
    class Numerics {
        @Test
        void preciseWithScaleIsAConnectDecimal() {
            ColumnType type = type(ColumnTypes.NUMERIC, TestTypes.numericTypmod(10, 2), DecimalHandlingMode.PRECISE);
            assertThat(type.schema().name()).isEqualTo(Decimal.LOGICAL_NAME);
            assertThat(type.schema().parameters()).containsEntry(Decimal.SCALE_FIELD, "2")
                    .containsEntry(SemanticTypes.DECIMAL_PRECISION, "10");
            assertThat(convert(type, "12.30")).isEqualTo(new BigDecimal("12.30"));
            assertThat(convert(type, "-0.05")).isEqualTo(new BigDecimal("-0.05"));
            assertThat(convert(type, "12345678.90")).isEqualTo(new BigDecimal("12345678.90"));
            assertThat(convert(type, "0.00")).isEqualTo(new BigDecimal("0.00"));
        }

        @Test
        void specialValuesAreNullInPreciseMode() {
            ColumnType type = type(ColumnTypes.NUMERIC, TestTypes.numericTypmod(10, 2), DecimalHandlingMode.PRECISE);
            assertThat(convert(type, "NaN")).isNull();
            assertThat(convert(type, "Infinity")).isNull();
            assertThat(convert(type, "-Infinity")).isNull();
        }

        @Test
        void manyDigits() {
            ColumnType type = type(ColumnTypes.NUMERIC, TestTypes.numericTypmod(38, 9), DecimalHandlingMode.PRECISE);
            assertThat(convert(type, "-12345678901234567890123456789.123456789"))
                    .isEqualTo(new BigDecimal("-12345678901234567890123456789.123456789"));
            assertThat(convert(type, "999999999999999999.000000000")).isEqualTo(new BigDecimal("999999999999999999.000000000"));
        }

        @Test
        void zeroAndNegativeScales() {
            ColumnType integral = type(ColumnTypes.NUMERIC, TestTypes.numericTypmod(5, 0), DecimalHandlingMode.PRECISE);
            assertThat(convert(integral, "-12345")).isEqualTo(new BigDecimal("-12345"));
            // numeric(3,-2), PostgreSQL 15+: the server prints 12300
            ColumnType negative = type(ColumnTypes.NUMERIC, TestTypes.numericTypmod(3, -2), DecimalHandlingMode.PRECISE);
            assertThat(negative.schema().parameters()).containsEntry(Decimal.SCALE_FIELD, "-2");
            BigDecimal value = (BigDecimal) convert(negative, "12300");
            assertThat(value.scale()).isEqualTo(-2);
            assertThat(value).isEqualByComparingTo("12300");
        }

        @Test
        void unconstrainedIsAVariableScaleStruct() {
            ColumnType type = type(ColumnTypes.NUMERIC);
            assertThat(type.schema().name()).isEqualTo(SemanticTypes.VARIABLE_SCALE_DECIMAL);
            Struct value = (Struct) convert(type, "-123.4500");
            assertThat(value.getInt32("scale")).isEqualTo(4);
            assertThat(new BigInteger(value.getBytes("value"))).isEqualTo(BigInteger.valueOf(-1_234_500));
            value.validate();
            assertThat(convert(type, "NaN")).isNull();
        }

        @Test
        void doubleMode() {
            ColumnType type = type(ColumnTypes.NUMERIC, TestTypes.numericTypmod(10, 2), DecimalHandlingMode.DOUBLE);
            assertThat(type.schema()).isEqualTo(Schema.OPTIONAL_FLOAT64_SCHEMA);
            assertThat(convert(type, "12.25")).isEqualTo(12.25d);
            assertThat(convert(type, "NaN")).isEqualTo(Double.NaN);
            assertThat(convert(type, "-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        }

        @Test
        void stringMode() {
            ColumnType type = type(ColumnTypes.NUMERIC, -1, DecimalHandlingMode.STRING);
            assertThat(type.schema()).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
            assertThat(convert(type, "12.2500")).isEqualTo("12.2500");
            assertThat(convert(type, "NaN")).isEqualTo("NaN");
            assertThat(convert(type, "Infinity")).isEqualTo("Infinity");
        }
    }

    @Nested
    class Text {
        @Test
        void textFamilyIsPlainString() {
            for (int oid : new int[] {ColumnTypes.TEXT, ColumnTypes.VARCHAR, ColumnTypes.BPCHAR, ColumnTypes.NAME,
                ColumnTypes.CHAR, TestTypes.CITEXT}) {
                assertThat(type(oid).schema()).as("oid %d", oid).isEqualTo(Schema.OPTIONAL_STRING_SCHEMA);
            }
            assertThat(convert(ColumnTypes.TEXT, "héllo ✓ 日本")).isEqualTo("héllo ✓ 日本");
            assertThat(convert(ColumnTypes.BPCHAR, "ab  ")).isEqualTo("ab  ");
            assertThat(convert(ColumnTypes.TEXT, "")).isEqualTo("");
            assertThat(convert(TestTypes.CITEXT, "MiXeD")).isEqualTo("MiXeD");
        }

        @Test
        void uuidAndJsonAreNamedStrings() {
            assertThat(type(ColumnTypes.UUID).schema().name()).isEqualTo(SemanticTypes.UUID);
            assertThat(convert(ColumnTypes.UUID, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"))
                    .isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
            assertThat(type(ColumnTypes.JSON).schema().name()).isEqualTo(SemanticTypes.JSON);
            assertThat(type(ColumnTypes.JSONB).schema().name()).isEqualTo(SemanticTypes.JSON);
            assertThat(convert(ColumnTypes.JSONB, "{\"a\": [1, \"é\"]}")).isEqualTo("{\"a\": [1, \"é\"]}");
        }

        @Test
        void enumsListTheirLabels() {
            ColumnType type = type(TestTypes.MOOD_ENUM);
            assertThat(type.schema().type()).isEqualTo(Schema.Type.STRING);
            assertThat(type.schema().name()).isEqualTo(SemanticTypes.ENUM);
            assertThat(type.schema().parameters()).containsEntry(SemanticTypes.ENUM_ALLOWED, "sad,ok,happy");
            assertThat(convert(type, "happy")).isEqualTo("happy");
        }

        @ParameterizedTest
        @CsvSource({"790,money,'$1,000.50'", "869,inet,192.168.0.1/24", "142,xml,<a>b</a>", "3904,int4range,'[1,5)'",
            "603,box,'(1,1),(0,0)'"})
        void otherTypesAreTextNamingTheirType(int oid, String name, String text) {
            ColumnType type = type(oid);
            assertThat(type.schema().type()).isEqualTo(Schema.Type.STRING);
            assertThat(type.schema().parameters()).containsEntry(SemanticTypes.PG_TYPE, name);
            assertThat(convert(type, text)).isEqualTo(text);
        }

        @Test
        void unknownTypesAreTextToo() {
            ColumnType type = type(-5);
            assertThat(type.schema().parameters()).containsEntry(SemanticTypes.PG_TYPE, "unknown:4294967291");
            assertThat(convert(type, "x")).isEqualTo("x");
        }
    }

    @Nested
    class Bytes {
        @Test
        void hex() {
            assertThat(type(ColumnTypes.BYTEA).schema()).isEqualTo(Schema.OPTIONAL_BYTES_SCHEMA);
            assertThat((byte[]) convert(ColumnTypes.BYTEA, "\\x00ff10Ab")).containsExactly(0x00, 0xff, 0x10, 0xab);
            assertThat((byte[]) convert(ColumnTypes.BYTEA, "\\x")).isEmpty();
        }

        @Test
        void escapeFormat() {
            assertThat((byte[]) convert(ColumnTypes.BYTEA, "a\\\\b\\001\\377z")).containsExactly('a', '\\', 'b', 1, 0xff, 'z');
            assertThat((byte[]) convert(ColumnTypes.BYTEA, "")).isEmpty();
        }

        @Test
        void rejectsMalformed() {
            assertThatThrownBy(() -> convert(ColumnTypes.BYTEA, "\\x0")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> convert(ColumnTypes.BYTEA, "\\xzz")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> convert(ColumnTypes.BYTEA, "\\9")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class DatesAndTimes {
        @Test
        void dates() {
            assertThat(type(ColumnTypes.DATE).schema()).isEqualTo(org.apache.kafka.connect.data.Date.builder().optional().build());
            assertThat(convert(ColumnTypes.DATE, "1970-01-01")).isEqualTo(new Date(0));
            assertThat(convert(ColumnTypes.DATE, "2024-02-29")).isEqualTo(day(LocalDate.of(2024, 2, 29)));
            assertThat(convert(ColumnTypes.DATE, "1900-03-01")).isEqualTo(day(LocalDate.of(1900, 3, 1)));
            assertThat(convert(ColumnTypes.DATE, "10000-01-01")).isEqualTo(day(LocalDate.of(10000, 1, 1)));
            assertThat(convert(ColumnTypes.DATE, "0044-03-15 BC")).isEqualTo(day(LocalDate.of(-43, 3, 15)));
            assertThat(convert(ColumnTypes.DATE, "0001-01-01 BC")).isEqualTo(day(LocalDate.of(0, 1, 1)));
            assertThat(convert(ColumnTypes.DATE, "4713-11-24 BC")).isEqualTo(day(LocalDate.of(-4712, 11, 24)));
        }

        @Test
        void epochDayAgreesWithJavaTime() {
            for (long day = LocalDate.of(-5000, 1, 1).toEpochDay(); day < LocalDate.of(3000, 1, 1).toEpochDay(); day += 97) {
                LocalDate date = LocalDate.ofEpochDay(day);
                assertThat(DateTimes.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth())).isEqualTo(day);
            }
        }

        @Test
        void infiniteDatesAreClampedBeyondTheFiniteRange() {
            Date plus = (Date) convert(ColumnTypes.DATE, "infinity");
            Date minus = (Date) convert(ColumnTypes.DATE, "-infinity");
            assertThat(plus.getTime()).isEqualTo(Integer.MAX_VALUE * 86_400_000L);
            assertThat(minus.getTime()).isEqualTo(Integer.MIN_VALUE * 86_400_000L);
            Schema schema = type(ColumnTypes.DATE).schema();
            assertThat(org.apache.kafka.connect.data.Date.fromLogical(schema, plus)).isEqualTo(Integer.MAX_VALUE);
            assertThat(org.apache.kafka.connect.data.Date.fromLogical(schema, minus)).isEqualTo(Integer.MIN_VALUE);
        }

        @Test
        void times() {
            assertThat(type(ColumnTypes.TIME).schema()).isEqualTo(Time.builder().optional().build());
            assertThat(convert(ColumnTypes.TIME, "13:45:00.123456")).isEqualTo(new Date(49_500_123));
            assertThat(convert(ColumnTypes.TIME, "00:00:00")).isEqualTo(new Date(0));
            assertThat(convert(ColumnTypes.TIME, "00:00:00.5")).isEqualTo(new Date(500));
            Date midnight = (Date) convert(ColumnTypes.TIME, "24:00:00");
            assertThat(midnight).isEqualTo(new Date(86_400_000));
            assertThat(Time.fromLogical(type(ColumnTypes.TIME).schema(), midnight)).isEqualTo(86_400_000);
        }

        @Test
        void timesWithZoneBecomeUtc() {
            assertThat(type(ColumnTypes.TIMETZ).schema()).isEqualTo(Time.builder().optional().build());
            assertThat(convert(ColumnTypes.TIMETZ, "13:45:00+02")).isEqualTo(new Date(11 * 3_600_000L + 45 * 60_000L));
            assertThat(convert(ColumnTypes.TIMETZ, "01:00:00.25+05:30")).isEqualTo(new Date(19 * 3_600_000L + 30 * 60_000L + 250));
            assertThat(convert(ColumnTypes.TIMETZ, "23:30:00-01")).isEqualTo(new Date(30 * 60_000L));
        }

        @Test
        void timestamps() {
            assertThat(type(ColumnTypes.TIMESTAMP).schema()).isEqualTo(Timestamp.builder().optional().build());
            assertThat(convert(ColumnTypes.TIMESTAMP, "2024-01-02 03:04:05.123456"))
                    .isEqualTo(new Date(epochMillis("2024-01-02T03:04:05.123Z")));
            assertThat(convert(ColumnTypes.TIMESTAMP, "2024-01-02 03:04:05")).isEqualTo(new Date(epochMillis("2024-01-02T03:04:05Z")));
            assertThat(convert(ColumnTypes.TIMESTAMP, "2024-01-02 03:04:05.1")).isEqualTo(new Date(epochMillis("2024-01-02T03:04:05.100Z")));
            assertThat(convert(ColumnTypes.TIMESTAMP, "1969-12-31 23:59:59.9995"))
                    .as("microseconds truncate towards the past").isEqualTo(new Date(-1));
            assertThat(convert(ColumnTypes.TIMESTAMP, "0044-03-15 12:00:00 BC"))
                    .isEqualTo(new Date(LocalDate.of(-43, 3, 15).toEpochDay() * 86_400_000L + 12 * 3_600_000L));
            assertThat(convert(ColumnTypes.TIMESTAMP, "294276-12-31 23:59:59.999999"))
                    .isEqualTo(new Date(epochMillis("+294276-12-31T23:59:59.999Z")));
        }

        @Test
        void timestampsWithZone() {
            assertThat(type(ColumnTypes.TIMESTAMPTZ).schema()).isEqualTo(Timestamp.builder().optional().build());
            assertThat(convert(ColumnTypes.TIMESTAMPTZ, "2024-01-02 03:04:05.5+01"))
                    .isEqualTo(new Date(epochMillis("2024-01-02T02:04:05.500Z")));
            assertThat(convert(ColumnTypes.TIMESTAMPTZ, "2024-01-02 03:04:05-03:30"))
                    .isEqualTo(new Date(epochMillis("2024-01-02T06:34:05Z")));
            assertThat(convert(ColumnTypes.TIMESTAMPTZ, "1850-01-01 00:00:00+00:53:28"))
                    .as("local mean time offsets have seconds").isEqualTo(new Date(epochMillis("1849-12-31T23:06:32Z")));
            assertThat(convert(ColumnTypes.TIMESTAMPTZ, "0001-01-01 00:00:00+00 BC"))
                    .isEqualTo(new Date(LocalDate.of(0, 1, 1).toEpochDay() * 86_400_000L));
        }

        @Test
        void infiniteTimestampsUsePgJdbcValues() {
            for (int oid : new int[] {ColumnTypes.TIMESTAMP, ColumnTypes.TIMESTAMPTZ}) {
                assertThat(convert(oid, "infinity")).isEqualTo(new Date(PGStatement.DATE_POSITIVE_INFINITY));
                assertThat(convert(oid, "-infinity")).isEqualTo(new Date(PGStatement.DATE_NEGATIVE_INFINITY));
            }
        }

        @Test
        void rejectsMalformed() {
            assertThatThrownBy(() -> convert(ColumnTypes.DATE, "2024/01/01")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> convert(ColumnTypes.TIMESTAMP, "2024-01-01 00:00:00 AD")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> convert(ColumnTypes.TIME, "12:00")).isInstanceOf(IllegalArgumentException.class);
        }

        private Date day(LocalDate date) {
            return new Date(date.toEpochDay() * 86_400_000L);
        }
    }

    @Nested
    class IntervalsAsIso {
        /** Our connections set IntervalStyle=iso_8601 (PgConnections): the server's text is the event's value. */
        @ParameterizedTest
        @ValueSource(strings = {"P1Y2M3DT4H5M6.78S", "P-1Y-2M3DT-4H-5M-6S", "PT0S", "infinity", "-infinity"})
        void theServersIsoTextIsKept(String iso) {
            ColumnType type = type(ColumnTypes.INTERVAL);
            assertThat(type.schema().name()).isEqualTo(SemanticTypes.INTERVAL);
            assertThat(convert(type, iso)).isEqualTo(iso);
        }
    }

    @Nested
    class DomainsAndArrays {
        @Test
        void domainsTakeTheirBaseType() {
            assertThat(type(TestTypes.POSITIVE_INT_DOMAIN).schema()).isEqualTo(Schema.OPTIONAL_INT32_SCHEMA);
            assertThat(convert(TestTypes.POSITIVE_INT_DOMAIN, "42")).isEqualTo(42);
            assertThat(type(TestTypes.DOMAIN_OVER_DOMAIN).schema()).isEqualTo(Schema.OPTIONAL_INT32_SCHEMA);
            ColumnType amount = type(TestTypes.MONEY_DOMAIN);
            assertThat(amount.schema().parameters()).containsEntry(Decimal.SCALE_FIELD, "2");
            assertThat(convert(amount, "10.50")).isEqualTo(new BigDecimal("10.50"));
        }

        @Test
        void intArrays() {
            ColumnType type = type(1007);
            assertThat(type.schema().type()).isEqualTo(Schema.Type.ARRAY);
            assertThat(type.schema().valueSchema()).isEqualTo(Schema.OPTIONAL_INT32_SCHEMA);
            assertThat(convert(type, "{1,2,NULL,-3}")).isEqualTo(Arrays.asList(1, 2, null, -3));
            assertThat(convert(type, "{}")).isEqualTo(List.of());
            assertThat(convert(type, "{{1,2},{3,4}}")).as("flattened").isEqualTo(List.of(1, 2, 3, 4));
            assertThat(convert(type, "{{{1},{2}},{{3},{4}}}")).isEqualTo(List.of(1, 2, 3, 4));
            assertThat(convert(type, "[0:1]={7,8}")).isEqualTo(List.of(7, 8));
            assertThat(convert(type, "[1:2][1:1]={{7},{8}}")).isEqualTo(List.of(7, 8));
        }

        @Test
        void textArraysWithQuotingAndEscapes() {
            ColumnType type = type(1009);
            assertThat(convert(type, "{a,\"b,c\",\"say \\\"hi\\\"\",\"back\\\\slash\",NULL,\"NULL\",\"\",null,\"{x}\",\" sp \"}"))
                    .isEqualTo(Arrays.asList("a", "b,c", "say \"hi\"", "back\\slash", null, "NULL", "", null, "{x}", " sp "));
            assertThat(convert(type, "{é,\"日 本\"}")).isEqualTo(List.of("é", "日 本"));
            assertThat(convert(type, "{{a,b},{\"c}\",d}}")).isEqualTo(List.of("a", "b", "c}", "d"));
        }

        @Test
        void arraysOfOtherTypes() {
            assertThat(convert(1231, "{1.50,NaN}")).isEqualTo(Arrays.asList(
                    ((Struct) convert(ColumnTypes.NUMERIC, "1.50")), null));
            ColumnType numerics = type(1231, TestTypes.numericTypmod(5, 2), DecimalHandlingMode.PRECISE);
            assertThat(numerics.schema().valueSchema().name()).isEqualTo(Decimal.LOGICAL_NAME);
            assertThat(convert(numerics, "{1.50,-2.00}")).isEqualTo(List.of(new BigDecimal("1.50"), new BigDecimal("-2.00")));
            assertThat((List<?>) convert(1001, "{\"\\\\x0102\",NULL}")).satisfiesExactly(
                    b -> assertThat((byte[]) b).containsExactly(1, 2), b -> assertThat(b).isNull());
            assertThat(convert(1185, "{\"2024-01-01 00:00:00+00\",infinity}")).isEqualTo(
                    List.of(new Date(epochMillis("2024-01-01T00:00:00Z")), new Date(PGStatement.DATE_POSITIVE_INFINITY)));
            assertThat(convert(1000, "{t,f}")).isEqualTo(List.of(true, false));
            assertThat(convert(TestTypes.MOOD_ARRAY, "{happy,sad}")).isEqualTo(List.of("happy", "sad"));
            assertThat(type(TestTypes.MOOD_ARRAY).schema().valueSchema().name()).isEqualTo(SemanticTypes.ENUM);
            assertThat(convert(1020, "{(1,1),(0,0);(2,2),(1,1)}")).as("box arrays use ';'")
                    .isEqualTo(List.of("(1,1),(0,0)", "(2,2),(1,1)"));
        }

        @Test
        void int2vectorIsNotAnArray() {
            assertThat(type(22).schema().type()).isEqualTo(Schema.Type.STRING);
            assertThat(convert(22, "1 2")).isEqualTo("1 2");
        }

        @Test
        void rejectsMalformedArrays() {
            assertThatThrownBy(() -> convert(1007, "{1,2")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void primaryKeyColumnsAreRequired() {
        ColumnType type = new ColumnTypes(TYPES, DecimalHandlingMode.PRECISE).of(ColumnTypes.INT8, -1, false);
        assertThat(type.schema()).isEqualTo(Schema.INT64_SCHEMA);
    }
}
