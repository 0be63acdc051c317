package io.hermesconnect.source.diff.it;

import static io.hermesconnect.source.diff.it.PollingDiffConnectors.awaitEvents;
import static io.hermesconnect.source.diff.it.PollingDiffConnectors.object;
import static io.hermesconnect.source.diff.it.PollingDiffConnectors.op;
import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.testkit.connect.ConnectCluster;
import io.hermesconnect.testkit.connect.TopicReader;
import io.hermesconnect.testkit.mariadb.MariaDbServer;
import io.hermesconnect.testkit.postgres.PostgresServer;
import io.hermesconnect.testkit.postgres.PostgresVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source that goes away while the connector runs: its polls fail and emit nothing (above all no delete), the task
 * keeps running and says why, and once the source is back the next poll emits exactly the real changes (issue 15,
 * bullet 6).
 */
class SourceFailuresIT {

    private static final ConnectCluster CONNECT = ConnectCluster.shared();

    private static final String[] USERS = {"CREATE TABLE users (uid int PRIMARY KEY, login varchar(50) NOT NULL)",
        "INSERT INTO users VALUES (1, 'alice'), (2, 'bob'), (3, 'carol')"};

    @TempDir
    static Path stateDir;

    @Test
    void aStoppedPostgresEmitsNothingUntilItIsBack() {
        try (PostgresServer pg = PostgresServer.start(PostgresVersion.V17)) {
            pg.createDatabase("hr");
            pg.executeIn("hr", USERS);
            assertOutageEmitsNothing(pg.jdbcUrl("hr"), pg.superuser(), pg.superuserPassword(), pg::stop, pg::startAgain,
                    changes -> pg.executeIn("hr", changes));
        }
    }

    @Test
    void aStoppedMariaDbEmitsNothingUntilItIsBack() {
        try (MariaDbServer maria = MariaDbServer.start()) {
            maria.execute("CREATE DATABASE hr");
            maria.executeIn("hr", USERS);
            assertOutageEmitsNothing(maria.jdbcUrl("hr"), MariaDbServer.ADMIN, MariaDbServer.ADMIN_PASSWORD, maria::stop,
                    maria::startAgain, changes -> maria.executeIn("hr", changes));
        }
    }

    /**
     * Polls the users of the database at {@code url}, stops its server until two polls failed, starts it again and
     * changes rows: only those changes are emitted.
     */
    private static void assertOutageEmitsNothing(String url, String user, String password, Runnable stop,
            Runnable startAgain, Consumer<String[]> sql) {
        PollingDiffConnectors connector = new PollingDiffConnectors(CONNECT, stateDir)
                .set("sources", "hr")
                .jdbcSource("hr", url, user, password)
                .set("sources.hr.jdbc.query.timeout.ms", "5000")
                .set("types", "Users")
                .set("types.Users.primary.key", "uid")
                .set("types.Users.sources", "hr")
                .set("types.Users.sources.hr.query", "SELECT uid, login FROM users")
                .set("types.Users.sources.hr.attrs.uid", "uid")
                .set("types.Users.sources.hr.attrs.login", "login");
        connector.start();
        try (TopicReader reader = CONNECT.reader(connector.topic())) {
            awaitEvents(reader, "the snapshot", events -> events.size() >= 3);

            stop.run();
            assertThat(connector.awaitFailedPolls(2)).contains("JDBC source hr: connecting failed");
            assertThat(connector.taskState()).isEqualTo("RUNNING");

            startAgain.run();
            sql.accept(new String[] {"DELETE FROM users WHERE uid = 2", "UPDATE users SET login = 'carla' WHERE uid = 3",
                    "INSERT INTO users VALUES (4, 'dave')"});
            List<Struct> changes = awaitEvents(reader, "the changes", events -> events.size() >= 6).subList(3, 6);
            assertThat(changes).extracting(e -> op(e) + " " + object(e).get("uid"))
                    .containsExactlyInAnyOrder("u 3", "c 4", "d 2");
            connector.awaitPollsAfter(connector.pollsCompleted(), 2);
            assertThat(awaitEvents(reader, "no more", events -> true)).as("nothing but the real changes").hasSize(6);
            assertThat((String) connector.metric("LastError")).isEmpty();
        } finally {
            connector.delete();
        }
    }
}
