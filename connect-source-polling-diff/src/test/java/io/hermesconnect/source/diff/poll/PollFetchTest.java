package io.hermesconnect.source.diff.poll;

import static io.hermesconnect.source.diff.TestData.HASHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.hermesconnect.source.diff.SpillExtension;
import io.hermesconnect.source.diff.config.PollingDiffConfig;
import io.hermesconnect.source.diff.config.TypePlan;
import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.source.diff.fetch.FetchQuery;
import io.hermesconnect.source.diff.fetch.SourceFetcher;
import io.hermesconnect.source.diff.merge.Inconsistency;
import io.hermesconnect.source.diff.merge.MergedType;
import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.PollAbortedException;
import io.hermesconnect.source.diff.model.PolledObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PollFetchTest {

    /**
     * Answers each SQL text with its columns and rows; records the queries it was asked. A query in {@code failAtEnd}
     * loses its connection after its last row.
     */
    private static final class TableFetcher implements SourceFetcher {
        private final Map<String, Map<String, Schema>> columns = new LinkedHashMap<>();
        private final Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        private final List<String> asked = new ArrayList<>();
        private final Set<String> failAtEnd = new HashSet<>();

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
            if (failAtEnd.contains(sql)) {
                throw new FetchException("connection lost", true, FetchException.Refused.CONNECTION, null, null);
            }
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

    /** Users 1 to {@code count}, user {@code n} logging in as {@code user<n>}: several of the spill's batches. */
    private static List<Map<String, Object>> users(int count) {
        return new ArrayList<>(IntStream.rangeClosed(1, count).<Map<String, Object>>mapToObj(
                id -> Map.of("id", id, "login", "user" + id)).toList());
    }

    private static List<TypePlan> usersOnly() {
        return plan().subList(0, 1);
    }

    private static boolean spillThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.isAlive() && thread.getName().startsWith("polling-diff-spill-"));
    }

    @Test
    void rowsOfManyBatchesAreAllSpilledInKeyOrderAndAKeyGivenAgainInALaterBatchIsNoted() throws FetchException {
        List<Map<String, Object>> rows = users(2_500);
        rows.add(Map.of("id", 7, "login", "again"));
        TableFetcher fetcher = new TableFetcher().table("SELECT id, login FROM users", USER_COLUMNS, rows);

        MergedType users = fetch(fetcher).run(usersOnly()).merged().get(0);

        List<DataObject> objects = StreamSupport.stream(users.objects().spliterator(), false).map(PolledObject::object)
                .toList();
        assertThat(objects).as("user 7, given twice and never emitted, is left out").hasSize(2_499)
                .extracting(object -> (Long) object.get("id")).doesNotContain(7L).isSorted();
        assertThat(objects.get(objects.size() - 1).get("login")).isEqualTo("user2500");
        assertThat(users.inconsistencies()).extracting(Inconsistency::kind, inconsistency -> inconsistency.key().components())
                .containsExactly(tuple(Inconsistency.Kind.DUPLICATE_KEY, List.of(7L)));
        assertThat(spillThreadAlive()).isFalse();
    }

    @Test
    void aSourceLostAfterManyRowsFailsThePollAndLeavesNoSpillingThread() {
        TableFetcher fetcher = new TableFetcher().table("SELECT id, login FROM users", USER_COLUMNS, users(2_500));
        fetcher.failAtEnd.add("SELECT id, login FROM users");

        assertThatThrownBy(() -> fetch(fetcher).run(usersOnly())).isInstanceOf(FetchException.class)
                .hasMessage("connection lost");
        assertThat(spillThreadAlive()).isFalse();
    }

    @Test
    void aValueThatDoesNotFitAfterManyRowsFailsThePollAndLeavesNoSpillingThread() {
        List<Map<String, Object>> rows = users(2_500);
        rows.add(1_500, Map.of("id", 9_999, "login", 42));
        TableFetcher fetcher = new TableFetcher().table("SELECT id, login FROM users", USER_COLUMNS, rows);

        assertThatThrownBy(() -> fetch(fetcher).run(usersOnly())).isInstanceOf(PollAbortedException.class)
                .hasMessageContaining("Source 'db' gave DataObject[9999]");
        assertThat(spillThreadAlive()).isFalse();
    }
}
