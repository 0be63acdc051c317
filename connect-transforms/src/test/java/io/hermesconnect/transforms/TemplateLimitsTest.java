package io.hermesconnect.transforms;

import static io.hermesconnect.transforms.TestEvents.alice;
import static io.hermesconnect.transforms.TestEvents.create;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Templates that would exhaust a worker's memory, in a Filter rule and a JinjaMapping attribute configured as on a
 * worker (the shared engine, its default limits): each record fails with a DataException naming the key and the
 * record, never with an OutOfMemoryError; a template that reads no field fails already when configured.
 */
class TemplateLimitsTest {

    /** Lists holding the same list four times, eleven levels deep: printed, 4^11 × 2 names. */
    private static final String NESTING = "{% set b = [a, a, a, a] %}"
            + "{% set c = [b, b, b, b] %}{% set d = [c, c, c, c] %}{% set e = [d, d, d, d] %}{% set f = [e, e, e, e] %}"
            + "{% set g = [f, f, f, f] %}{% set h = [g, g, g, g] %}{% set i = [h, h, h, h] %}{% set j = [i, i, i, i] %}"
            + "{% set k = [j, j, j, j] %}{% set s = [k, k, k, k] %}";
    private static final String SHARED = "{% set a = [first_name, last_name] %}" + NESTING;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{{ after.login | indent(1000000000) }}",
            "{{ after.login | center(50000000) }}",
            "{{ after.login | center(50000000) == 'x' }}",
            "{{ '%1000000000s' | format(after.login) }}",
            "{{ [after.login] | batch(1000000000) | length > 0 }}",
            "{{ after.login | wordwrap(1, true, 'x' | center(9000000)) }}",
            "{{ range(after.id * 2000000) | length > 0 }}",
            "{{ [after.login | center(9000000), after.login | center(9000000), after.login | center(9000000),"
                    + " after.login | center(9000000), after.login | center(9000000)] | length > 0 }}",
            "{{ after.login | center(9000000) | urlencode | length > 0 }}",
            "{{ after.login | center(9000000) | list | length > 0 }}",
    })
    void aFilterRuleHittingALimitIsARecordError(String condition) {
        Filter<SourceRecord> filter = new Filter<>();
        filter.configure(Map.of("rules", "r", "rules.r.condition", condition, "rules.r.action", "IGNORE"));

        assertRecordErrorOnALimit(() -> filter.apply(create(alice())), "rules.r.condition");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{{ login | indent(1000000000) }}",
            "{{ first_name | center(50000000) }}",
            "{{ first_name | center(50000000) }}!",
            "{{ '%.1000000000f' | format(age) }}",
            "{{ [login] | slice(1000000000) }}",
            "{{ range(id * 2000000) | join(',') }}",
            "{{ login | center(9000000) | replace(' ', '&') | escape }}",
            SHARED + "{{ s | string }}",
            SHARED + "{{ s | tojson }}",
    })
    void aMappingAttributeHittingALimitIsARecordError(String template) {
        JinjaMapping<SourceRecord> mapping = new JinjaMapping<>();
        mapping.configure(Map.of("attrs", "x", "attrs.x.template", template));

        assertRecordErrorOnALimit(() -> mapping.apply(create(alice())), "JinjaMapping attribute 'x'");
    }

    /** A DataException naming the key (or attribute), the record and a limit, and no value of the record. */
    private static void assertRecordErrorOnALimit(ThrowingCallable apply, String key) {
        assertThatThrownBy(apply)
                .isInstanceOf(DataException.class)
                .hasMessageContaining(key)
                .hasMessageContaining("topic 'app.public.users' partition 0")
                .hasMessageContaining("than ")
                .hasMessageContaining("limit")
                .hasMessageNotContaining("Alice")
                .hasMessageNotContaining("AMartin");
    }

    /** A template that reads no field and hits a limit fails on every record: it is refused when configured. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{{ 'a\\nb' | indent(1000000000) | length > 0 }}", "{{ range(2000000) | length > 0 }}"})
    void aTemplateThatCanOnlyHitALimitIsRefusedWhenConfigured(String condition) {
        Filter<SourceRecord> filter = new Filter<>();

        assertThatThrownBy(() -> filter.configure(Map.of("rules", "r", "rules.r.condition", condition, "rules.r.action", "IGNORE")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rules.r.condition")
                .hasMessageContaining("than the limit");
    }
}
