package io.hermesconnect.common.jinja;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One rendering per Connect type, the same on every path: a single expression ({@code {{ v }}}, its native value),
 * text around it (the direct path and Jinjava's fast path), a template with a tag (Jinjava's own node rendering),
 * {@code ~} and the {@code string} filter; and the same text where a filter reads the value.
 */
class ValuePrintingTest {

    private static final JinjaEngine ENGINE = new JinjaEngine();
    private static final Instant WHEN = Instant.parse("2024-05-01T10:15:30.250Z");

    private static final Schema ROW = SchemaBuilder.struct()
            .field("int8", Schema.INT8_SCHEMA)
            .field("int16", Schema.INT16_SCHEMA)
            .field("int32", Schema.INT32_SCHEMA)
            .field("int64", Schema.INT64_SCHEMA)
            .field("float32", Schema.FLOAT32_SCHEMA)
            .field("float64", Schema.FLOAT64_SCHEMA)
            .field("boolean", Schema.BOOLEAN_SCHEMA)
            .field("string", Schema.STRING_SCHEMA)
            .field("control", Schema.STRING_SCHEMA)
            .field("bytes", Schema.BYTES_SCHEMA)
            .field("buffer", Schema.BYTES_SCHEMA)
            .field("decimal", Decimal.schema(2))
            .field("date", org.apache.kafka.connect.data.Date.SCHEMA)
            .field("time", Time.SCHEMA)
            .field("timestamp", Timestamp.SCHEMA)
            .field("missing", Schema.OPTIONAL_STRING_SCHEMA)
            .build();

    private static final Map<String, Object> VARIABLES = Map.of("row", new Struct(ROW)
            .put("int8", (byte) -8)
            .put("int16", (short) 16)
            .put("int32", 32)
            .put("int64", 9_007_199_254_740_993L)
            .put("float32", 1.5f)
            .put("float64", 0.1)
            .put("boolean", true)
            .put("string", "Zoë \"quoted\" 😀")
            .put("control", "bel\u0007 nul\u0000 esc\u001b")
            .put("bytes", "pässword".getBytes(StandardCharsets.UTF_8))
            .put("buffer", ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 0xfa}))
            .put("decimal", new BigDecimal("12.50"))
            .put("date", Date.from(Instant.parse("2024-05-01T00:00:00Z")))
            .put("time", Date.from(Instant.parse("1970-01-01T10:15:30.250Z")))
            .put("timestamp", Date.from(WHEN)));

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource(delimiterString = "==>", quoteCharacter = '`', textBlock = """
            int8      ==> -8
            int16     ==> 16
            int32     ==> 32
            int64     ==> 9007199254740993
            float32   ==> 1.5
            float64   ==> 0.1
            boolean   ==> true
            string    ==> Zoë "quoted" 😀
            bytes     ==> cMOkc3N3b3Jk
            buffer    ==> AAEC+g==
            decimal   ==> 12.50
            date      ==> 2024-05-01
            time      ==> 10:15:30.250
            timestamp ==> 2024-05-01T10:15:30.250Z
            missing   ==> ``
            """)
    void printsEachConnectTypeOneWayOnEveryPath(String field, String text) {
        String value = "row." + field;

        assertThat(render("<{{ " + value + " }}>")).as("text template").isEqualTo("<" + text + ">");
        assertThat(ENGINE.compile("<{{ " + value + " }}>").renderWithJinjava(VARIABLES)).as("Jinjava's fast path").isEqualTo("<" + text + ">");
        assertThat(render("{% if true %}<{{ " + value + " }}>{% endif %}")).as("Jinjava's nodes").isEqualTo("<" + text + ">");
        assertThat(render("{{ '<' ~ " + value + " ~ '>' }}")).as("~").isEqualTo("<" + text + ">");
        assertThat(render("{% if " + value + " is none %}{% else %}{{ " + value + " | string }}{% endif %}")).as("string filter").isEqualTo(text);
        Object nativeValue = render("{{ " + value + " }}");
        assertThat(nativeValue == null ? "" : nativeValue.toString()).as("single expression").isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"bytes", "buffer", "date", "time", "timestamp"})
    void givesDatesAndBytesToTemplatesAsTheirText(String field) {
        assertThat(render("{{ row." + field + " }}")).isInstanceOf(String.class);
        assertThat(render("{{ row." + field + " is string }}")).isEqualTo(true);
    }

    /** Control characters are data: kept as they are in both template shapes, never escaped into {@code \\u0007}. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "==>", textBlock = """
            {{ row.control }}                                   ==> single expression
            [{{ row.control }}]                                 ==> text and expression
            {% if true %}[{{ row.control }}]{% endif %}         ==> tags
            {{ '[' ~ row.control ~ ']' }}                       ==> concatenation
            """)
    void keepsControlCharactersAsTheyAre(String source, String shape) {
        assertThat((String) render(source)).as(shape).contains("bel\u0007 nul\u0000 esc\u001b").doesNotContain("\\u");
    }

    /** Before, bytes reached filters as Java's identity text ({@code [B@1b2c3d}), different on every render. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "==>", textBlock = """
            {{ row.bytes | ldap_password_hash('SHA') }}   ==> {SHA}
            {{ row.bytes | b64decode | ldap_password_hash('SHA') }} ==> {SHA}
            {{ row.bytes | b64decode }}                   ==> pässword
            {{ row.bytes | md5 }}                         ==>
            {{ [row.bytes] | join(',') }}                 ==> cMOkc3N3b3Jk
            {{ row.bytes | upper }}                       ==> CMOKC3N3B3JK
            {{ row.bytes | length }}                      ==> 12
            {{ row.timestamp | date_format('yyyyMMddHHmmss') }} ==> 20240501101530
            {{ row.time | date_format('HH:mm') }}         ==> 10:15
            {{ row.date | date_format('d MMMM yyyy') }}   ==> 1 May 2024
            """)
    void filtersReadTheSameTextOnEveryRender(String source, String start) {
        Object first = render(source);
        assertThat(render(source)).isEqualTo(first);
        assertThat(String.valueOf(first)).startsWith(start == null ? "" : start);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "==>", quoteCharacter = '`', textBlock = """
            {{ [row.date, row.bytes, row.missing] }}!     ==> `['2024-05-01', 'cMOkc3N3b3Jk', null]!`
            {{ {'when': row.timestamp} }}!               ==> `{'when': '2024-05-01T10:15:30.250Z'}!`
            {{ {'when': row.timestamp} | tojson }}       ==> `{"when":"2024-05-01T10:15:30.250Z"}`
            {{ row.control | tojson }}                   ==> `"bel\\u0007 nul\\u0000 esc\\u001B"`
            """)
    void printsListsAndMapsAsDataWithTheSameTextInside(String source, String expected) {
        assertThat(render(source)).isEqualTo(expected);
    }

    /** Dates are fixed-width ISO-8601 text, so comparing two of one type compares them in time. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "==>", textBlock = """
            {{ row.timestamp > '2024-05-01T10:15:30.249Z' }} ==> true
            {{ row.timestamp < '2024-05-01T10:15:30.251Z' }} ==> true
            {{ row.date >= '2024-05-01' }}                   ==> true
            {{ row.time < '10:15:31' }}                      ==> true
            """)
    void comparesDatesInTimeOrder(String source, boolean expected) {
        assertThat(render(source)).isEqualTo(expected);
    }

    private static Object render(String source) {
        return ENGINE.compile(source).render(new HashMap<>(VARIABLES));
    }
}
