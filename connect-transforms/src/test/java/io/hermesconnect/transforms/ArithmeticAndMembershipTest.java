package io.hermesconnect.transforms;

import static io.hermesconnect.transforms.TestEvents.alice;
import static io.hermesconnect.transforms.TestEvents.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code in}, {@code not in}, {@code default} and arithmetic in Filter conditions and JinjaMapping attributes: exact
 * integers, Python's division, and record errors that name the key and the record instead of Infinity or a wrapped
 * number. Alice is 42, in the groups staff and admins, lives in Paris (75001), group 7.
 */
class ArithmeticAndMembershipTest {

    private static <T extends Transformation<?>> T configured(T transformation, String... keysAndValues) {
        Map<String, String> config = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        transformation.configure(config);
        return transformation;
    }

    private static <R extends ConnectRecord<R>> Filter<R> ignoring(String condition) {
        return configured(new Filter<>(), "rules", "r", "rules.r.condition", condition, "rules.r.action", "IGNORE");
    }

    private static <R extends ConnectRecord<R>> JinjaMapping<R> mapping(String template, String type) {
        return configured(new JinjaMapping<>(), "attrs", "x", "attrs.x.template", template, "attrs.x.type", type);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{{ 'admins' in after.groups and 'root' not in after.groups }}",
        "{{ after.group_id in [7, 8] }}",
        "{{ 'Par' in after.address.city }}",
        "{{ after.nickname | default(after.first_name) == 'Alice' }}",
        "{{ (after.vip | d(false)) == false }}",
        "{{ after.age // 10 * 10 == 40 and after.age % 10 == 2 }}",
        "{{ -after.age // 5 == -9 and -after.age % 5 == 3 }}",
        "{{ after.age / 8 == 5.25 }}",
        "{{ after.age + 9223372036854775807 > 9223372036854775807 }}",
        "{{ after.age ** 12 // (after.age ** 6) == after.age ** 6 }}",
        "{{ after.address.zip | int % 2 == 1 }}",
        "{{ after.login ~ (after.age + 1) == 'AMartin43' }}",
        "{{ after.login * 2 == 'AMartinAMartin' }}",
    })
    void conditionsComputeExactly(String condition) {
        Filter<SourceRecord> filter = ignoring(condition);
        assertThat(filter.apply(create(alice()))).as(condition).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{{ after.age // (after.group_id - 7) > 1 }}  | division by zero",
        "{{ after.age / 0 > 1 }}                       | division by zero",
        "{{ after.age % (after.group_id - 7) == 0 }}   | division by zero",
        "{{ after.login + after.age == 'x' }}          | unsupported operand types for addition: string and integer",
        "{{ after.login * 100000000 == 'x' }}          | would build a string longer than the limit",
    })
    void conditionsThatCannotBeComputedAreRecordErrorsNamingRuleKeyAndRecord(String condition, String problem) {
        Filter<SinkRecord> filter = ignoring(condition);
        assertThatThrownBy(() -> filter.apply(TestEvents.atOffset(create(alice()), 17)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("Filter rule 'r'")
                .hasMessageContaining("rules.r.condition")
                .hasMessageContaining("topic 'app.public.users' partition 3 offset 17")
                .hasMessageContaining(problem)
                .hasMessageNotContaining("AMartin");
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource(delimiterString = "=>", value = {
        "{{ age * 2 + 1 }}                        => int64   => 85",
        "{{ age * 9223372036854775807 }}          => string  => 387381625547900583894",
        "{{ age ** 10 }}                          => int64   => 17080198121677824",
        "{{ -age // 5 }}                          => int32   => -9",
        "{{ -age % 5 }}                           => int32   => 3",
        "{{ age / 8 }}                            => float64 => 5.25",
        "{{ 'admins' in groups }}                 => boolean => true",
        "{{ group_id not in [7] }}                => boolean => false",
        "{{ nickname | default(login) | lower }}  => string  => amartin",
        "{{ login ~ '-' ~ (age - 1) }}            => string  => AMartin-41",
        "{{ '-' * 3 ~ login }}                    => string  => ---AMartin",
    })
    void attributesComputeExactly(String template, String type, String expected) {
        JinjaMapping<SourceRecord> mapping = mapping(template, type);
        SourceRecord out = mapping.apply(create(alice()));
        assertThat(String.valueOf(((Struct) out.value()).getStruct("after").get("x"))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource(delimiterString = "=>", value = {
        "{{ age // 0 }}                 => int64  => division by zero",
        "{{ age % (group_id - 7) }}     => int64  => division by zero",
        "{{ 1 / (age - 42) }}           => string => division by zero",
        "{{ groups * 1000001 }}         => string => would build a list or map larger than the limit",
        "{{ age - login }}              => string => unsupported operand types for subtraction: integer and string",
        "{{ age * 9223372036854775807 }} => int64 => does not fit the declared type int64",
    })
    void attributesThatCannotBeComputedAreRecordErrorsNamingKeyAndRecord(String template, String type, String problem) {
        JinjaMapping<SinkRecord> mapping = mapping(template, type);
        assertThatThrownBy(() -> mapping.apply(TestEvents.atOffset(create(alice()), 99)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("JinjaMapping attribute 'x' (attrs.x.template)")
                .hasMessageContaining("offset 99")
                .hasMessageContaining(problem)
                .hasMessageNotContaining("AMartin");
    }
}
