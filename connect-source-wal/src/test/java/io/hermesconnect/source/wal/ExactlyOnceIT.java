package io.hermesconnect.source.wal;

import static io.hermesconnect.source.wal.WalTestDb.after;
import static io.hermesconnect.source.wal.WalTestDb.awaitEvents;
import static org.assertj.core.api.Assertions.assertThat;

import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.connect.ConnectCluster;
import io.hermesconnect.testkit.connect.TopicReader;
import io.hermesconnect.testkit.postgres.PostgresServer;
import io.hermesconnect.testkit.postgres.PostgresVersion;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** With exactly.once.source.support=enabled, task restarts in the middle of a workload leave no duplicate. */
class ExactlyOnceIT {

    private static final int TRANSACTIONS = 200;
    private static final int ROWS_PER_TRANSACTION = 10;
    private static ConnectCluster connect;

    @BeforeAll
    static void startCluster() {
        connect = ConnectCluster.builder().name("wal-eos").workerProp("exactly.once.source.support", "enabled").start();
    }

    @AfterAll
    static void stopCluster() {
        connect.close();
    }

    @ParameterizedTest
    @EnumSource(PostgresVersion.class)
    void restartsMidWorkloadLeaveNoDuplicates(PostgresVersion version) {
        WalTestDb db = new WalTestDb(PostgresServer.shared(version));
        db.sql("CREATE TABLE t (id int PRIMARY KEY)");
        Map<String, String> config = db.config();
        config.put(WalSourceConfig.SNAPSHOT_MODE, "never");
        config.put("exactly.once.support", "required");
        config.put(WalSourceConfig.MAX_BATCH_SIZE, "7"); // many Kafka transactions per database transaction
        db.start(connect, config);

        CompletableFuture<Void> workload = CompletableFuture.runAsync(() -> {
            for (int tx = 0; tx < TRANSACTIONS; tx++) {
                int from = tx * ROWS_PER_TRANSACTION + 1;
                db.sql("INSERT INTO t SELECT generate_series(" + from + ", " + (from + ROWS_PER_TRANSACTION - 1) + ")");
            }
        });
        try (TopicReader reader = connect.reader(db.topic("t"))) {
            for (int restart = 1; restart <= 3; restart++) {
                int atLeast = restart * 300;
                awaitEvents(reader, atLeast);
                connect.rest().request("POST", "connectors/" + db.connector + "/tasks/0/restart", null).requireSuccess();
                connect.rest().awaitRunning(db.connector, 1, WalTestDb.TIMEOUT);
            }
            workload.join();

            List<Struct> events = awaitEvents(reader, TRANSACTIONS * ROWS_PER_TRANSACTION);
            assertThat(events.stream().map(e -> after(e).getInt32("id"))).doesNotHaveDuplicates()
                    .hasSize(TRANSACTIONS * ROWS_PER_TRANSACTION);
        }
        connect.rest().deleteConnector(db.connector);
        Wait.until("slot released", WalTestDb.TIMEOUT, () -> !db.slotActive());
        db.pg.execute("SELECT pg_drop_replication_slot('" + db.prefix + "')");
    }
}
