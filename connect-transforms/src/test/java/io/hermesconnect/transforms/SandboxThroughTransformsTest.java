package io.hermesconnect.transforms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.common.event.ChangeEventSchemas;
import io.hermesconnect.common.event.Operation;
import io.hermesconnect.common.event.SchemaParameters;
import io.hermesconnect.transforms.predicates.ExpressionIs;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Jinja engine's sandbox promises as a worker exercises them, through {@link Filter} and {@link JinjaMapping}
 * configured the way Connect configures them: reserved objects, value printing, secrets, templates that could only fail.
 */
class SandboxThroughTransformsTest {

    private static final String PIN = "PIN-90210";
    private static final String PASSWORD = "pässword-4711";

    private static final Schema ADDRESS = SchemaBuilder.struct().name("app.Address").optional()
            .field("city", Schema.OPTIONAL_STRING_SCHEMA)
            .field("pin", SchemaParameters.markedSecret(Schema.OPTIONAL_STRING_SCHEMA))
            .build();

    private static final ChangeEventSchemas ACCOUNTS = ChangeEventSchemas.builder("app", "public", "accounts")
            .column("id", Schema.INT32_SCHEMA)
            .column("login", Schema.OPTIONAL_STRING_SCHEMA)
            .column("address", ADDRESS)
            .column("password_bytes", Schema.OPTIONAL_BYTES_SCHEMA)
            .column("created", Timestamp.builder().optional().build())
            .primaryKey(List.of("id"))
            .build();

    private static Struct account() {
        return new Struct(ACCOUNTS.rowSchema())
                .put("id", 1).put("login", "ada")
                .put("address", new Struct(ADDRESS).put("city", "Paris").put("pin", PIN))
                .put("password_bytes", PASSWORD.getBytes(StandardCharsets.UTF_8))
                .put("created", Date.from(Instant.parse("2024-05-01T10:15:30Z")));
    }

    private static SinkRecord created() {
        return TestEvents.atOffset(TestEvents.event(ACCOUNTS, Operation.CREATE, null, account()), 17);
    }

    private static <T extends Transformation<SinkRecord>> T configured(T transform, String... keysAndValues) {
        Map<String, String> config = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        transform.configure(config);
        return transform;
    }

    private static JinjaMapping<SinkRecord> mapping(String template) {
        return configured(new JinjaMapping<>(), "attrs", "x", "attrs.x.template", template);
    }

    private static Filter<SinkRecord> filter(String condition) {
        return configured(new Filter<>(), "rules", "r", "rules.r.condition", condition, "rules.r.action", "IGNORE");
    }

    private static Struct after(ConnectRecord<?> record) {
        return ((Struct) record.value()).getStruct("after");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{{ (after | attr('____int3rpr3t3r____')) is none }}",
            "{{ (after | attr('filter:lower')) is none }}",
            "{{ ([after] | map(attribute='exptest:none') | list | length) > 0 }}",
            "{{ (after | attr('nope')) is none }}",
            "{{ ([after] | selectattr('nope') | list | length) > 0 }}",
    })
    void filterConditionsReachNoReservedObjectAndNoMissingAttribute(String condition) {
        assertThatThrownBy(() -> filter(condition).apply(created()))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("Filter rule 'r'")
                .hasMessageContaining("rules.r.condition")
                .hasMessageContaining("topic 'app.public.accounts' partition 3 offset 17");
    }

    @Test
    void mappingsPrintBytesAndDatesOneWay() {
        JinjaMapping<SinkRecord> mapping = configured(new JinjaMapping<>(), "attrs", "b64,since,hash,text",
                "attrs.b64.template", "[{{ password_bytes }}]",
                "attrs.since.template", "since {{ created }}",
                "attrs.hash.template", "{{ password_bytes | b64decode | ldap_password_hash('SHA') }}",
                "attrs.text.template", "{{ password_bytes | b64decode }}");

        Struct first = after(mapping.apply(created()));
        Struct second = after(mapping.apply(created()));

        assertThat(first.getString("b64")).isEqualTo("[cMOkc3N3b3JkLTQ3MTE=]");
        assertThat(first.getString("since")).isEqualTo("since 2024-05-01T10:15:30.000Z");
        assertThat(first.getString("text")).isEqualTo(PASSWORD);
        assertThat(first.getString("hash")).startsWith("{SHA}").isEqualTo(second.getString("hash"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{{ address | tojson }}",
            "{% for k, v in address.items() %}{{ v }}{% endfor %}",
            "{{ address | string }}",
            "{{ [address] | map(attribute='pin') | join }}",
    })
    void aResultComputedFromANestedSecretIsSecret(String template) {
        Struct mapped = after(mapping(template).apply(created()));

        assertThat(mapped.getString("x")).contains(PIN);
        assertThat(SchemaParameters.isSecret(mapped.schema().field("x").schema())).isTrue();
        assertThat(SchemaParameters.isSecret(mapped.schema().field("login").schema())).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{{ created | date_format(address.pin ~ \"'\") }}",
            "{{ address | attr(address.pin) }}",
            "{{ address[address.pin ~ ':'] }}",
            "{{ address.pin | fromjson }}",
    })
    void noRecordErrorQuotesAFieldValue(String template) {
        assertThatThrownBy(() -> mapping(template).apply(created()))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("attrs.x.template")
                .hasMessageContaining("offset 17")
                .satisfies(error -> assertThat(stackTraceOf(error)).doesNotContain(PIN));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{{ x = 1 }}", "{{ login" + " ~ 'x'", "{{ 'abc' | int + [] }}"})
    void templatesThatCouldOnlyFailAreRefusedWhenConfigured(String start) {
        String template = start.endsWith("}}") ? start : start + " ~ 'x'".repeat(20_000) + " }}";
        assertThatThrownBy(() -> mapping(template))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("attrs.x.template");
        assertThatThrownBy(() -> filter(template))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rules.r.condition");
    }

    /** The guide's example: without REPLICA IDENTITY FULL an update has no before, which must not fail the record. */
    @Test
    void theGuidesRenameExampleIsNullSafe() {
        ExpressionIs<SourceRecord> renamed = new ExpressionIs<>();
        renamed.configure(Map.of("expression", "{{ op == 'u' and before is not none and before.last_name != after.last_name }}"));

        assertThat(renamed.test(TestEvents.update(null, TestEvents.alice()))).isFalse();
        assertThat(renamed.test(TestEvents.update(TestEvents.alice(), TestEvents.user(1, "Alice", "Durand", "ADurand", 42)))).isTrue();
        assertThat(renamed.test(TestEvents.update(TestEvents.alice(), TestEvents.alice()))).isFalse();
        assertThat(renamed.test(TestEvents.create(TestEvents.alice()))).isFalse();
    }

    private static String stackTraceOf(Throwable error) {
        java.io.StringWriter trace = new java.io.StringWriter();
        error.printStackTrace(new java.io.PrintWriter(trace));
        return trace.toString();
    }
}
