package io.hermesconnect.transforms;

import static io.hermesconnect.transforms.TestEvents.alice;
import static io.hermesconnect.transforms.TestEvents.create;
import static io.hermesconnect.transforms.TestEvents.delete;
import static io.hermesconnect.transforms.TestEvents.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.common.event.Operation;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterTest {

    private static <R extends ConnectRecord<R>> Filter<R> filter(String... keysAndValues) {
        Map<String, String> config = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        Filter<R> filter = new Filter<>();
        filter.configure(config);
        return filter;
    }

    private static <R extends ConnectRecord<R>> boolean keeps(Filter<R> filter, R record) {
        R result = filter.apply(record);
        if (result != null) {
            assertThat(result).isSameAs(record);
        }
        return result != null;
    }

    @ParameterizedTest(name = "matching rule {0} with default {1} keeps: {2}")
    @CsvSource({
        "IGNORE, PROCESS, false",
        "IGNORE, IGNORE, false",
        "PROCESS, PROCESS, true",
        "PROCESS, IGNORE, true",
        "CONTINUE, PROCESS, true",
        "CONTINUE, IGNORE, false",
    })
    void matchingRuleActionDecidesElseDefault(String action, String defaultAction, boolean kept) {
        Filter<SourceRecord> filter = filter("rules", "r", "rules.r.operations", "c", "rules.r.action", action,
                "default.action", defaultAction);
        assertThat(keeps(filter, create(alice()))).isEqualTo(kept);
    }

    @ParameterizedTest(name = "non-matching rule {0} with default {1} keeps: {2}")
    @CsvSource({
        "IGNORE, PROCESS, true",
        "PROCESS, IGNORE, false",
        "CONTINUE, PROCESS, true",
        "CONTINUE, IGNORE, false",
    })
    void nonMatchingRuleLeavesItToTheDefault(String action, String defaultAction, boolean kept) {
        Filter<SourceRecord> filter = filter("rules", "r", "rules.r.operations", "d", "rules.r.action", action,
                "default.action", defaultAction);
        assertThat(keeps(filter, create(alice()))).isEqualTo(kept);
    }

    @Test
    void firstDecidingRuleWinsAndContinueGoesOn() {
        Filter<SourceRecord> filter = filter("rules", "note,keep,drop",
                "rules.note.action", "CONTINUE",
                "rules.keep.operations", "u", "rules.keep.action", "PROCESS",
                "rules.drop.table", "public.*", "rules.drop.action", "IGNORE");
        assertThat(keeps(filter, update(alice(), alice()))).isTrue();
        assertThat(keeps(filter, create(alice()))).isFalse();
    }

    @Test
    void ruleWithoutCriteriaMatchesEveryChangeEvent() {
        Filter<SourceRecord> filter = filter("rules", "all", "rules.all.action", "IGNORE");
        assertThat(keeps(filter, create(alice()))).isFalse();
        assertThat(keeps(filter, TestEvents.truncate())).isFalse();
    }

    @Test
    void everyCriterionOfARuleMustHold() {
        Filter<SourceRecord> filter = filter("rules", "adults",
                "rules.adults.table", "public.users", "rules.adults.operations", "c,u",
                "rules.adults.condition", "{{ after.age >= 18 }}", "rules.adults.action", "PROCESS",
                "default.action", "IGNORE");
        assertThat(keeps(filter, create(alice()))).isTrue();
        assertThat(keeps(filter, create(TestEvents.user(2, "Bob", "B", "bob", 12)))).isFalse();
        assertThat(keeps(filter, delete(alice()))).isFalse();
        assertThat(keeps(filter, TestEvents.event(TestEvents.GROUPS, Operation.CREATE, null, TestEvents.group(1, "x")))).isFalse();
    }

    @ParameterizedTest(name = "table {0} ({1}) matches public.users: {2}")
    @CsvSource({
        "public.users, glob, true",
        "public.*, glob, true",
        "*.users, glob, true",
        "public.user?, glob, true",
        "'public.{users,groups}', glob, true",
        "users, glob, false",
        "public.grou*, glob, false",
        "public\\.(users|groups), regex, true",
        "public\\.u, regex, false",
        "PUBLIC.USERS, glob, false",
    })
    void tablePatterns(String pattern, String syntax, boolean matches) {
        Filter<SourceRecord> filter = filter("rules", "t", "rules.t.table", pattern, "rules.t.table.syntax", syntax,
                "rules.t.action", "IGNORE");
        assertThat(keeps(filter, create(alice()))).isEqualTo(!matches);
    }

    @Test
    void operationSets() {
        Filter<SourceRecord> filter = filter("rules", "writes", "rules.writes.operations", "c, u ,r", "rules.writes.action", "IGNORE");
        assertThat(keeps(filter, create(alice()))).isFalse();
        assertThat(keeps(filter, update(alice(), alice()))).isFalse();
        assertThat(keeps(filter, TestEvents.event(TestEvents.USERS, Operation.READ, null, alice()))).isFalse();
        assertThat(keeps(filter, delete(alice()))).isTrue();
        assertThat(keeps(filter, TestEvents.truncate())).isTrue();
    }

    @Test
    void conditionsSeeEveryVariable() {
        SourceRecord record = update(alice(), TestEvents.user(1, "Alice", "Durand", "adurand", 43));
        record.headers().addString("origin", "hr");
        String[] trueConditions = {
            "{{ before.last_name == 'Martin' and after.last_name == 'Durand' }}",
            "{{ op == 'u' }}",
            "{{ table == 'public.users' }}",
            "{{ source.table == 'users' and source.connector == 'wal' }}",
            "{{ key.id == 1 }}",
            "{{ headers.origin == 'hr' }}",
            "{{ topic == 'app.public.users' }}",
            "{{ value.op == 'u' }}",
            "{{ after.address.city == 'Paris' }}",
            "{{ 'admins' in after.groups and after.groups | length == 2 }}",
        };
        for (String condition : trueConditions) {
            Filter<SourceRecord> filter = filter("rules", "r", "rules.r.condition", condition, "rules.r.action", "IGNORE");
            assertThat(keeps(filter, record)).as(condition).isFalse();
        }
    }

    @Test
    void nullBeforeAndAfterAreNone() {
        Filter<SourceRecord> filter = filter("rules", "r", "rules.r.condition", "{{ before is none and after is not none }}",
                "rules.r.action", "IGNORE");
        assertThat(keeps(filter, create(alice()))).isFalse();
        assertThat(keeps(filter, delete(alice()))).isTrue();
        assertThat(keeps(filter, TestEvents.truncate())).isTrue();
    }

    @Test
    void missingFieldIsARecordErrorNamingRuleKeyAndRecord() {
        Filter<SinkRecord> filter = filter("rules", "vip", "rules.vip.condition", "{{ after.vip }}", "rules.vip.action", "PROCESS");
        assertThatThrownBy(() -> keeps(filter, TestEvents.atOffset(create(alice()), 17)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("Filter rule 'vip'")
                .hasMessageContaining("rules.vip.condition")
                .hasMessageContaining("topic 'app.public.users' partition 3 offset 17")
                .hasMessageContaining("undefined");
    }

    @Test
    void defaultMakesAMissingFieldWork() {
        Filter<SourceRecord> filter = filter("rules", "vip", "rules.vip.condition", "{{ after.vip | default(false) }}",
                "rules.vip.action", "IGNORE");
        assertThat(keeps(filter, create(alice()))).isTrue();
    }

    @Test
    void nonBooleanConditionIsARecordError() {
        Filter<SourceRecord> filter = filter("rules", "r", "rules.r.condition", "{{ after.first_name }}", "rules.r.action", "IGNORE");
        assertThatThrownBy(() -> keeps(filter, create(alice())))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("must evaluate to a boolean, it gave a String")
                .hasMessageNotContaining("Alice")
                .hasMessageContaining("source offset {lsn=42}");
    }

    @Test
    void nullConditionIsARecordError() {
        Filter<SourceRecord> filter = filter("rules", "r", "rules.r.condition", "{{ after.age }}", "rules.r.action", "IGNORE");
        assertThatThrownBy(() -> keeps(filter, create(TestEvents.user(3, "C", "D", "cd", null))))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("it gave null");
    }

    @Test
    void shorthandsRunBeforeTheRules() {
        Filter<SourceRecord> filter = filter("ignore.transaction.records", "true", "ignore.tables", "public\\.gr.*",
                "rules", "keep", "rules.keep.action", "PROCESS");
        assertThat(keeps(filter, TestEvents.transactionBegin())).isFalse();
        assertThat(keeps(filter, TestEvents.event(TestEvents.GROUPS, Operation.CREATE, null, TestEvents.group(1, "x")))).isFalse();
        assertThat(keeps(filter, create(alice()))).isTrue();
    }

    @Test
    void otherRecordsPassThrough() {
        Filter<SourceRecord> filter = filter("rules", "all", "rules.all.action", "IGNORE", "default.action", "IGNORE");
        Schema plainSchema = SchemaBuilder.struct().field("a", Schema.STRING_SCHEMA).build();
        assertThat(keeps(filter, TestEvents.transactionBegin())).isTrue();
        assertThat(keeps(filter, TestEvents.tombstone(1))).isTrue();
        assertThat(keeps(filter, TestEvents.plain(new Struct(plainSchema).put("a", "x")))).isTrue();
    }

    @Test
    void filtersDebeziumEvents() {
        Filter<SourceRecord> filter = filter("rules", "adults", "rules.adults.table", "inventory.customers",
                "rules.adults.condition", "{{ after.email is string and source.connector == 'postgresql' }}",
                "rules.adults.action", "PROCESS", "default.action", "IGNORE");
        assertThat(keeps(filter, DebeziumEvents.customerCreated())).isTrue();
    }

    @Test
    void malformedEnvelopeIsARecordError() {
        SourceRecord record = create(alice());
        ((Struct) record.value()).put("op", "x");
        Filter<SourceRecord> filter = filter();
        assertThatThrownBy(() -> keeps(filter, record)).isInstanceOf(DataException.class)
                .hasMessageContaining("Filter failed on record topic 'app.public.users'")
                .hasMessageContaining("Unknown change event operation 'x'");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "rules.r.condition | {{ after.age > }}",
        "rules.r.condition | {{ after.age | nosuchfilter }}",
        "rules.r.condition | {{ nosuchfunction() }}",
        "rules.r.condition | {{ after.age }} and more",
        "rules.r.action | DROP",
        "rules.r.operations | c,x",
        "rules.r.table | public.{users",
        "rules.r.table.syntax | wildcard",
    })
    void badRuleKeysFailConfigurationNamingTheKey(String key, String value) {
        Map<String, String> config = new HashMap<>(Map.of("rules", "r", "rules.r.action", "IGNORE"));
        config.put(key, value);
        assertThatThrownBy(() -> new Filter<>().configure(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(key);
    }

    @Test
    void badRegexTableNamesTheKey() {
        assertThatThrownBy(() -> filter("rules", "r", "rules.r.table", "public.(users", "rules.r.table.syntax", "regex",
                "rules.r.action", "IGNORE"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rules.r.table");
    }

    @Test
    void missingActionFailsConfiguration() {
        assertThatThrownBy(() -> filter("rules", "r", "rules.r.operations", "c"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rules.r.action");
    }

    @Test
    void typosInRuleKeysFailConfiguration() {
        assertThatThrownBy(() -> filter("rules", "r", "rules.r.action", "ignore", "rules.r.tabel", "users"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rules.r.tabel");
        assertThatThrownBy(() -> filter("rules", "r", "rules.r.action", "ignore", "rules.s.action", "ignore"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rules.s.action");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "rules | a,a",
        "rules | a.b",
        "default.action | CONTINUE",
        "ignore.tables | public.(",
        "ignore.transaction.records | maybe",
    })
    void badTopLevelKeysFailValidationOnTheKey(String key, String value) {
        Map<String, String> config = Map.of(key, value);
        assertThat(new Filter<>().config().validate(config))
                .filteredOn(v -> v.name().equals(key))
                .singleElement()
                .satisfies(v -> assertThat(v.errorMessages()).isNotEmpty());
        assertThatThrownBy(() -> new Filter<>().configure(config)).isInstanceOf(ConfigException.class);
    }
}
