package io.hermesconnect.transforms.predicates;

import static io.hermesconnect.transforms.TestEvents.alice;
import static io.hermesconnect.transforms.TestEvents.create;
import static io.hermesconnect.transforms.TestEvents.delete;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.common.event.Operation;
import io.hermesconnect.transforms.DebeziumEvents;
import io.hermesconnect.transforms.TestEvents;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.predicates.Predicate;
import org.junit.jupiter.api.Test;

class PredicatesTest {

    private static final Schema PLAIN = SchemaBuilder.struct().field("status", Schema.STRING_SCHEMA).build();

    private static <P extends Predicate<SourceRecord>> P configured(P predicate, Map<String, String> config) {
        predicate.configure(config);
        return predicate;
    }

    @Test
    void operationIs() {
        OperationIs<SourceRecord> writes = configured(new OperationIs<>(), Map.of("operations", "c,u"));
        assertThat(writes.test(create(alice()))).isTrue();
        assertThat(writes.test(TestEvents.update(alice(), alice()))).isTrue();
        assertThat(writes.test(delete(alice()))).isFalse();
        assertThat(writes.test(TestEvents.truncate())).isFalse();
        assertThat(writes.test(DebeziumEvents.customerCreated())).isTrue();
        assertThat(writes.test(TestEvents.tombstone(1))).isFalse();
        assertThat(writes.test(TestEvents.transactionBegin())).isFalse();
        assertThat(writes.test(TestEvents.plain(new Struct(PLAIN).put("status", "c")))).isFalse();
    }

    @Test
    void operationIsWithNoOperationsIsTrueForEveryChangeEvent() {
        OperationIs<SourceRecord> any = configured(new OperationIs<>(), Map.of("operations", ""));
        assertThat(any.test(TestEvents.truncate())).isTrue();
        assertThat(any.test(TestEvents.tombstone(1))).isFalse();
    }

    @Test
    void tableMatches() {
        TableMatches<SourceRecord> users = configured(new TableMatches<>(), Map.of("table", "public.user*"));
        assertThat(users.test(create(alice()))).isTrue();
        assertThat(users.test(TestEvents.event(TestEvents.GROUPS, Operation.CREATE, null, TestEvents.group(1, "x")))).isFalse();
        assertThat(users.test(TestEvents.tombstone(1))).isFalse();
        TableMatches<SourceRecord> regex = configured(new TableMatches<>(),
                Map.of("table", "inventory\\.(customers|orders)", "table.syntax", "REGEX"));
        assertThat(regex.test(DebeziumEvents.customerCreated())).isTrue();
    }

    @Test
    void expressionIs() {
        ExpressionIs<SourceRecord> changed = configured(new ExpressionIs<>(),
                Map.of("expression", "{{ op == 'u' and before.last_name != after.last_name }}"));
        assertThat(changed.test(TestEvents.update(alice(), TestEvents.user(1, "Alice", "Durand", "a", 1)))).isTrue();
        assertThat(changed.test(TestEvents.update(alice(), alice()))).isFalse();
        assertThat(changed.test(TestEvents.tombstone(1))).isFalse();
    }

    @Test
    void expressionIsSeesPlainRecordsThroughValue() {
        ExpressionIs<SourceRecord> active = configured(new ExpressionIs<>(),
                Map.of("expression", "{{ after is none and value.status == 'active' }}"));
        assertThat(active.test(TestEvents.plain(new Struct(PLAIN).put("status", "active")))).isTrue();
    }

    @Test
    void expressionErrorsAreRecordErrors() {
        ExpressionIs<SourceRecord> broken = configured(new ExpressionIs<>(), Map.of("expression", "{{ after.nope }}"));
        assertThatThrownBy(() -> broken.test(create(alice()))).isInstanceOf(DataException.class)
                .hasMessageContaining("ExpressionIs (expression) failed on record topic 'app.public.users'");
    }

    @Test
    void badConfigsNameTheKeyAtValidateTime() {
        assertThat(new ExpressionIs<>().config().validate(Map.of("expression", "{{ op == }}")))
                .filteredOn(v -> v.name().equals("expression")).singleElement()
                .satisfies(v -> assertThat(v.errorMessages()).isNotEmpty());
        assertThat(new OperationIs<>().config().validate(Map.of("operations", "c,z")))
                .filteredOn(v -> v.name().equals("operations")).singleElement()
                .satisfies(v -> assertThat(v.errorMessages()).isNotEmpty());
        assertThat(new TableMatches<>().config().validate(Map.of("table", "a", "table.syntax", "sql")))
                .filteredOn(v -> v.name().equals("table.syntax")).singleElement()
                .satisfies(v -> assertThat(v.errorMessages()).isNotEmpty());
    }

    @Test
    void badConfigsFailConfigure() {
        assertThatThrownBy(() -> new ExpressionIs<SourceRecord>().configure(Map.of("expression", "{{ op }} and {{ table }}")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("expression").hasMessageContaining("single expression");
        assertThatThrownBy(() -> new TableMatches<SourceRecord>().configure(Map.of("table", "a{b")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("table");
        assertThatThrownBy(() -> new OperationIs<SourceRecord>().configure(Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("operations");
    }
}
