package io.hermesconnect.source.diff.poll;

import static io.hermesconnect.source.diff.TestData.projection;
import static io.hermesconnect.source.diff.TestData.template;
import static io.hermesconnect.source.diff.TestData.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.source.diff.event.TypeSchema;
import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.source.diff.fetch.FetchQuery;
import io.hermesconnect.source.diff.fetch.SourceFetcher;
import io.hermesconnect.source.diff.merge.ConflictPolicy;
import io.hermesconnect.source.diff.merge.KeyMergeConstraint;
import io.hermesconnect.source.diff.merge.MergedType;
import io.hermesconnect.source.diff.merge.TypeMerger;
import io.hermesconnect.source.diff.model.NamedTemplate;
import io.hermesconnect.source.diff.model.ObjectType;
import io.hermesconnect.source.diff.model.PollAbortedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.connect.data.Schema;
import org.junit.jupiter.api.Test;

class PollFetchTest {

    private static final ObjectType USERS = type("Users", "id");
    private static final ObjectType MEMBERS = type("Members", "user_id", "group_id");

    /** Answers each SQL text with its rows; records the queries it was asked. */
    private static final class TableFetcher implements SourceFetcher {
        private final Map<String, List<Map<String, Object>>> tables;
        private final List<String> asked = new ArrayList<>();

        TableFetcher(Map<String, List<Map<String, Object>>> tables) {
            this.tables = tables;
        }

        @Override
        public Map<String, Schema> describe(FetchQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void fetch(FetchQuery query, Consumer<Map<String, Object>> rows) throws FetchException {
            String sql = ((FetchQuery.Sql) query).sql();
            asked.add(sql);
            if (!tables.containsKey(sql)) {
                throw new FetchException("no such table", true, null);
            }
            tables.get(sql).forEach(rows);
        }

        @Override
        public void close() {
        }
    }

    private static TypeStep step(ObjectType type, Map<String, Schema> attributes, String queryTemplate) {
        NamedTemplate query = template("types." + type.name() + ".sources.db.query", queryTemplate);
        SourceStep source = new SourceStep("db", variables -> new FetchQuery.Sql(String.valueOf(query.render(variables, "the query"))),
                row -> row, KeyMergeConstraint.NO_CONSTRAINT, List.of());
        return new TypeStep(type, new TypeSchema("p", type, List.of("db"), attributes, Map.of()),
                new TypeMerger(projection(type), ConflictPolicy.USE_CACHED_ENTRY), List.of(source));
    }

    private static final TypeStep USERS_STEP = step(USERS, Map.of("id", Schema.OPTIONAL_INT32_SCHEMA), "SELECT id FROM users");
    private static final TypeStep MEMBERS_STEP = step(MEMBERS,
            Map.of("user_id", Schema.OPTIONAL_INT32_SCHEMA, "group_id", Schema.OPTIONAL_INT32_SCHEMA),
            "SELECT * FROM members WHERE user_id IN ({{ Users_pkeys | sort | join(',') }})");

    private static PollFetch fetch(TableFetcher fetcher) {
        return new PollFetch(Map.of("db", fetcher), type -> key -> Optional.empty());
    }

    @Test
    void aLaterTypesQuerySeesTheTypesMergedBeforeIt() throws FetchException {
        TableFetcher fetcher = new TableFetcher(Map.of(
                "SELECT id FROM users", List.of(Map.of("id", 2), Map.of("id", 1)),
                "SELECT * FROM members WHERE user_id IN (1,2)", List.of(Map.of("user_id", 1, "group_id", 10))));

        List<MergedType> merged = fetch(fetcher).run(List.of(USERS_STEP, MEMBERS_STEP));

        assertThat(fetcher.asked).containsExactly("SELECT id FROM users", "SELECT * FROM members WHERE user_id IN (1,2)");
        assertThat(merged).extracting(type -> type.objects().size()).containsExactly(2, 1);
    }

    @Test
    void aSourceThatFailsFailsThePoll() {
        TableFetcher fetcher = new TableFetcher(Map.of("SELECT id FROM users", List.of(Map.of("id", 1))));

        assertThatThrownBy(() -> fetch(fetcher).run(List.of(USERS_STEP, MEMBERS_STEP))).isInstanceOf(FetchException.class);
    }

    @Test
    void aValueThatDoesNotFitItsAttributeFailsThePollNamingTheSourceAndTheObjectsKey() {
        TableFetcher fetcher = new TableFetcher(Map.of("SELECT id FROM users", List.of(Map.of("id", 1L << 40))));

        assertThatThrownBy(() -> fetch(fetcher).run(List.of(USERS_STEP)))
                .isInstanceOf(PollAbortedException.class)
                .hasMessageContaining("Source 'db' gave DataObject[1099511627776]")
                .hasMessageContaining("attribute 'id'");
    }
}
