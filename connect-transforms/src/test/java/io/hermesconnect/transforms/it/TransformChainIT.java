package io.hermesconnect.transforms.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hermesconnect.testkit.UniqueNames;
import io.hermesconnect.testkit.connect.ConnectCluster;
import io.hermesconnect.testkit.connect.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

/**
 * Filter, then JinjaMapping gated by TableMatches, then Kafka's built-in InsertField gated by ExpressionIs
 * and RegexRouter gated by OperationIs, in a real worker, on a source's change events; then what reached Kafka.
 */
class TransformChainIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ConnectCluster CONNECT = ConnectCluster.shared();

    private static Map<String, String> chain(String prefix) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", ChangeEventsSourceConnector.class.getName());
        config.put("tasks.max", "1");
        config.put("topic.prefix", prefix);
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("errors.tolerance", "all");
        config.put("errors.log.enable", "true");
        config.put("transforms", "filter,map,flag,route");

        config.put("transforms.filter.type", "io.hermesconnect.transforms.Filter");
        config.put("transforms.filter.ignore.transaction.records", "true");
        config.put("transforms.filter.ignore.tables", "public\\.audit.*");
        config.put("transforms.filter.rules", "minors");
        config.put("transforms.filter.rules.minors.table", "public.users");
        config.put("transforms.filter.rules.minors.operations", "c,u,r");
        config.put("transforms.filter.rules.minors.condition", "{{ after.age < 18 }}");
        config.put("transforms.filter.rules.minors.action", "ignore");

        config.put("transforms.map.type", "io.hermesconnect.transforms.JinjaMapping");
        config.put("transforms.map.predicate", "isUser");
        config.put("transforms.map.attrs", "full_name,login,age_code");
        config.put("transforms.map.attrs.full_name.template", "{{ first_name }} {{ last_name }}");
        config.put("transforms.map.attrs.login.template", "{{ login | lower }}");
        config.put("transforms.map.attrs.age_code.template", "{{ age }}");
        config.put("transforms.map.attrs.age_code.type", "int8");
        config.put("transforms.map.drop", "password");

        config.put("transforms.flag.type", "org.apache.kafka.connect.transforms.InsertField$Value");
        config.put("transforms.flag.predicate", "isRenamed");
        config.put("transforms.flag.static.field", "renamed");
        config.put("transforms.flag.static.value", "yes");

        config.put("transforms.route.type", "org.apache.kafka.connect.transforms.RegexRouter");
        config.put("transforms.route.predicate", "isDelete");
        config.put("transforms.route.regex", ".*");
        config.put("transforms.route.replacement", prefix + ".deletes");

        config.put("predicates", "isUser,isRenamed,isDelete");
        config.put("predicates.isUser.type", "io.hermesconnect.transforms.predicates.TableMatches");
        config.put("predicates.isUser.table", "public.users");
        config.put("predicates.isRenamed.type", "io.hermesconnect.transforms.predicates.ExpressionIs");
        config.put("predicates.isRenamed.expression", "{{ op == 'u' and before.last_name != after.last_name }}");
        config.put("predicates.isDelete.type", "io.hermesconnect.transforms.predicates.OperationIs");
        config.put("predicates.isDelete.operations", "d");
        return config;
    }

    @Test
    void chainsOurTransformsAndPredicatesWithBuiltInOnes() {
        String prefix = UniqueNames.of("chain");
        for (String topic : List.of(".public.users", ".public.groups", ".public.audit_log", ".transaction", ".deletes")) {
            CONNECT.createTopic(prefix + topic);
        }
        String connector = UniqueNames.of("chain");
        CONNECT.rest().createConnector(connector, chain(prefix));
        try (TopicReader users = CONNECT.reader(prefix + ".public.users");
             TopicReader deletes = CONNECT.reader(prefix + ".deletes");
             TopicReader groups = CONNECT.reader(prefix + ".public.groups");
             TopicReader audit = CONNECT.reader(prefix + ".public.audit_log");
             TopicReader transactions = CONNECT.reader(prefix + ".transaction")) {
            // Alice created and renamed, then the tombstone; Bob (minor) filtered; Carl (age 1000 in an int8) tolerated
            List<SchemaAndValue> userEvents = users.awaitValues(3, TIMEOUT);
            Struct created = (Struct) userEvents.get(0).value();
            assertThat(created.getString("op")).isEqualTo("c");
            assertThat(created.getStruct("after").getString("full_name")).isEqualTo("Alice Martin");
            assertThat(created.getStruct("after").getString("login")).isEqualTo("amartin");
            assertThat(created.getStruct("after").getInt8("age_code")).isEqualTo((byte) 42);
            assertThat(created.getStruct("after").schema().field("password")).isNull();
            assertThat(created.schema().field("renamed")).isNull();
            Struct updated = (Struct) userEvents.get(1).value();
            assertThat(updated.getStruct("before").getString("full_name")).isEqualTo("Alice Martin");
            assertThat(updated.getStruct("after").getString("full_name")).isEqualTo("Alice Durand");
            assertThat(updated.getString("renamed")).isEqualTo("yes");
            assertThat(userEvents.get(2).value()).isNull();

            Struct deleted = (Struct) deletes.awaitValues(1, TIMEOUT).get(0).value();
            assertThat(deleted.getString("op")).isEqualTo("d");
            assertThat(deleted.getStruct("before").getString("login")).isEqualTo("adurand");

            Struct group = (Struct) groups.awaitValues(1, TIMEOUT).get(0).value();
            assertThat(group.getStruct("after").schema().field("full_name")).isNull();

            // every record went through the task in one batch: the later ones arrived, so these were dropped
            assertThat(users.records()).hasSize(3);
            assertThat(audit.awaitUntil("a poll", records -> true, TIMEOUT)).isEmpty();
            assertThat(transactions.awaitUntil("a poll", records -> true, TIMEOUT)).isEmpty();
        } finally {
            CONNECT.rest().deleteConnector(connector);
        }
    }

    @Test
    void validateReportsBadDeclaredKeysOnTheKey() {
        Map<String, String> config = chain(UniqueNames.of("bad"));
        config.put("transforms.filter.default.action", "continue");
        config.put("predicates.isRenamed.expression", "{{ op == }}");
        JsonNode result = CONNECT.rest().validate(ChangeEventsSourceConnector.class.getName(), config);
        assertThat(errors(result, "transforms.filter.default.action")).isNotEmpty();
        assertThat(errors(result, "predicates.isRenamed.expression")).isNotEmpty();
        assertThat(errors(result, "transforms.map.attrs")).isEmpty();
    }

    @Test
    void aBadRuleFailsTheTaskNamingTheKey() {
        String prefix = UniqueNames.of("badrule");
        Map<String, String> config = chain(prefix);
        config.put("transforms.filter.rules.minors.condition", "{{ after.age | nosuchfilter }}");
        String connector = UniqueNames.of("badrule");
        CONNECT.rest().createConnector(connector, config);
        try {
            JsonNode status = CONNECT.rest().awaitFailed(connector, TIMEOUT);
            assertThat(status.toString()).contains("rules.minors.condition").contains("unknown filter 'nosuchfilter'");
        } finally {
            CONNECT.rest().deleteConnector(connector);
        }
    }

    private static List<String> errors(JsonNode validation, String key) {
        for (JsonNode config : validation.path("configs")) {
            JsonNode value = config.path("value");
            if (key.equals(value.path("name").asText())) {
                List<String> errors = new ArrayList<>();
                value.path("errors").forEach(error -> errors.add(error.asText()));
                return errors;
            }
        }
        throw new AssertionError("no key " + key + " in " + validation.toPrettyString());
    }
}
