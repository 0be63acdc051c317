package io.hermesconnect.source.diff.poll;

import static io.hermesconnect.source.diff.TestData.HASHER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hermesconnect.source.diff.config.PollPlan;
import io.hermesconnect.source.diff.config.PollingDiffConfig;
import io.hermesconnect.source.diff.config.RemovedTypes;
import io.hermesconnect.source.diff.event.TopicRouting;
import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.source.diff.poll.PollEmission.EmitMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A poll that fails before anything is emitted leaves no spilled object behind. */
class PollPreparationTest {

    @TempDir
    Path directory;

    private static PollPlan plan() {
        return new PollingDiffConfig(Map.of("topic.prefix", "p", "types", "Users", "sources", "db",
                "state.kafka.bootstrap.servers", "localhost:9092", "sources.db.kind", "jdbc",
                "sources.db.jdbc.url", "jdbc:postgresql://localhost/db",
                "types.Users.primary.key", "id", "types.Users.sources", "db",
                "types.Users.sources.db.query", "SELECT id FROM users", "types.Users.sources.db.attrs.id", "id")).plan();
    }

    @Test
    void aFailedPollDeletesItsSpill() {
        List<Boolean> spillWhileOpening = new ArrayList<>();
        // the source fails as it opens, before the poll reads the state: no state store is needed
        PollPreparation preparation = new PollPreparation("p", TopicRouting.SINGLE, false, RemovedTypes.DELETE, plan(),
                source -> {
                    spillWhileOpening.add(Files.exists(directory.resolve("polling-diff-poll.mv.db")));
                    throw new FetchException("connection refused", true, FetchException.Refused.CONNECTION, null, null);
                }, null, HASHER, directory);

        assertThatThrownBy(() -> preparation.prepare(1, EmitMode.CHANGES)).isInstanceOf(FetchException.class);

        assertThat(spillWhileOpening).as("the poll's spill, in the state directory").containsExactly(true);
        assertThat(directory).isEmptyDirectory();
    }
}
