package io.hermesconnect.source.diff.poll;

import static io.hermesconnect.source.diff.TestData.HASHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.source.diff.SpillExtension;
import io.hermesconnect.source.diff.config.PollingDiffConfig;
import io.hermesconnect.source.diff.config.TypePlan;
import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.source.diff.fetch.FetchQuery;
import io.hermesconnect.source.diff.fetch.SourceFetcher;
import io.hermesconnect.source.diff.model.PollAbortedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PollFetchTest {

    /** Answers each SQL text with its columns and rows; records the queries it was asked. */
    private static final class TableFetcher implements SourceFetcher {
        private final Map<String, Map<String, Schema>> columns = new LinkedHashMap<>();
        private final Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        private final List<String> asked = new ArrayList<>();

        TableFetcher table(String sql, Map<String, Schema> tableColumns, List<Map<String, Object>> tableRows) {
            columns.put(sql, tableColumns);
            rows.put(sql, tableRows);
            return this;
        }

        @Override
        public Map<String, Schema> describe(FetchQuery query) throws FetchException {
            String sql = ((FetchQuery.Sql) query).sql();
            if (!columns.containsKey(sql)) {
                throw new FetchException("no such table", false, FetchException.Refused.QUERY, null, null);
            }
            return columns.get(sql);
        }

        @Override
        public void fetch(FetchQuery query, Consumer<Map<String, Object>> consumer) throws FetchException {
            String sql = ((FetchQuery.Sql) query).sql();
            asked.add(sql);
            if (!rows.containsKey(sql)) {
                throw new FetchException("connection lost", true, FetchException.Refused.CONNECTION, null, null);
            }
            rows.get(sql).forEach(consumer);
        }

        @Override
        public void close() {
        }
    }

    private static final Map<String, Schema> USER_COLUMNS = Map.of("id", Schema.OPTIONAL_INT32_SCHEMA,
            "login", Schema.OPTIONAL_STRING_SCHEMA);
    private static final Map<String, Schema> MEMBER_COLUMNS = Map.of("user_id", Schema.OPTIONAL_INT32_SCHEMA,
            "group_id", Schema.OPTIONAL_INT32_SCHEMA);
    private static final String MEMBERS_OF_1_AND_2 = "SELECT user_id, group_id FROM members WHERE user_id IN (1,2)";

    private static List<TypePlan> plan() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("topic.prefix", "p");
        props.put("types", "Users,Members");
        props.put("sources", "db");
        props.put("state.kafka.bootstrap.servers", "localhost:9092");
        props.put("sources.db.kind", "jdbc");
        props.put("sources.db.jdbc.url", "jdbc:postgresql://localhost/db");
        props.put("sources.db.jdbc.user", "u");
        props.put("sources.db.jdbc.password", "p");
        props.put("types.Users.primary.key", "id");
        props.put("types.Users.sources", "db");
        props.put("types.Users.sources.db.query", "SELECT id, login FROM users");
        props.put("types.Users.sources.db.attrs.id", "id");
        props.put("types.Users.sources.db.attrs.login", "login");
        props.put("types.Members.primary.key", "user_id,group_id");
        props.put("types.Members.sources", "db");
        props.put("types.Members.sources.db.query",
                "SELECT user_id, group_id FROM members WHERE user_id IN ({{ Users_pkeys | sort | join(',') }})");
        props.put("types.Members.sources.db.attrs.user_id", "user_id");
        props.put("types.Members.sources.db.attrs.group_id", "group_id");
        return new PollingDiffConfig(props).plan().types();
    }

    @RegisterExtension
    final SpillExtension spills = new SpillExtension();

    private PollFetch fetch(TableFetcher fetcher) {
        return new PollFetch("p", HASHER, Map.of("db", fetcher), type -> key -> Optional.empty(), spills.spill());
    }

    @Test
    void aLaterTypesQuerySeesTheTypesMergedBeforeIt() throws FetchException {
        TableFetcher fetcher = new TableFetcher()
                .table("SELECT id, login FROM users", USER_COLUMNS, List.of(Map.of("id", 2, "login", "bob"), Map.of("id", 1)))
                .table(MEMBERS_OF_1_AND_2, MEMBER_COLUMNS, List.of(Map.of("user_id", 1, "group_id", 10)));

        PollFetch.Result result = fetch(fetcher).run(plan());

        assertThat(fetcher.asked).containsExactly("SELECT id, login FROM users", MEMBERS_OF_1_AND_2);
        assertThat(result.merged()).extracting(type -> type.objects().size()).containsExactly(2L, 1L);
        assertThat(result.schemas().get("Members").schemas().keySchema().fields())
                .extracting(field -> field.name()).containsExactly("user_id", "group_id");
        assertThat(result.schemas().get("Users").schemas().rowSchema().field("id").schema().type())
                .as("the column's type, as described this poll").isEqualTo(Schema.Type.INT32);
    }

    @Test
    void aSourceThatFailsFailsThePoll() {
        TableFetcher fetcher = new TableFetcher()
                .table("SELECT id, login FROM users", USER_COLUMNS, List.of(Map.of("id", 1), Map.of("id", 2)))
                .table(MEMBERS_OF_1_AND_2, MEMBER_COLUMNS, List.of());
        fetcher.rows.remove(MEMBERS_OF_1_AND_2);

        assertThatThrownBy(() -> fetch(fetcher).run(plan())).isInstanceOf(FetchException.class)
                .hasMessage("connection lost");
    }

    @Test
    void aValueThatDoesNotFitItsAttributeFailsThePollNamingTheSourceAndTheObjectsKey() {
        TableFetcher fetcher = new TableFetcher()
                .table("SELECT id, login FROM users", USER_COLUMNS, List.of(Map.of("id", 1, "login", 42)));

        assertThatThrownBy(() -> fetch(fetcher).run(plan()))
                .isInstanceOf(PollAbortedException.class)
                .hasMessageContaining("Source 'db' gave DataObject[1]")
                .hasMessageContaining("attribute 'login'");
    }
}
