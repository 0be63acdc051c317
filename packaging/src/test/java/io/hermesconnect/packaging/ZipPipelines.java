package io.hermesconnect.packaging;

import io.hermesconnect.testkit.Wait;
import io.hermesconnect.testkit.postgres.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** What the pipelines of the end-to-end tests share: the WAL source on a test database, the quickstart's schema. */
final class ZipPipelines {

    private static final Path SAMPLE_SCHEMA = Path.of("quickstart/postgres/inventory.sql");

    private ZipPipelines() {
    }

    /** A WAL source on {@code db}, slot, publication and topic prefix named {@code prefix}, JSON with schemas. */
    static Map<String, String> walSource(PostgresServer pg, String db, String prefix) {
        Map<String, String> config = new HashMap<>(walConnection(pg, db, prefix));
        config.put("connector.class", "io.hermesconnect.source.wal.WalSourceConnector");
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        return config;
    }

    /**
     * The keys that point a WAL source at {@code db} under names of its own ({@code prefix}), dropping its slot when
     * it stops: what a test overrides in a sample.
     */
    static Map<String, String> walConnection(PostgresServer pg, String db, String prefix) {
        Map<String, String> config = new HashMap<>();
        config.put("database.hostname", pg.host());
        config.put("database.port", Integer.toString(pg.port()));
        config.put("database.user", pg.superuser());
        config.put("database.password", pg.superuserPassword());
        config.put("database.dbname", db);
        config.put("database.sslmode", "disable");
        config.put("topic.prefix", prefix);
        config.put("slot.name", prefix);
        config.put("publication.name", prefix);
        config.put("slot.drop.on.stop", "true");
        return config;
    }

    /** Creates connector {@code name} through the REST API and waits until it and its one task run. */
    static void createRunning(PluginZipFixture zip, String name, Map<String, String> config, Duration timeout) {
        zip.rest().createConnector(name, config);
        zip.rest().awaitRunning(name, 1, timeout);
    }

    /** Waits until the WAL source streams from {@code slot}: changes made from then on follow its snapshot. */
    static void awaitStreaming(PostgresServer pg, String slot, Duration timeout) {
        Wait.until("slot " + slot + " streaming", timeout, () -> "t".equals(pg.queryString("postgres",
                "SELECT active FROM pg_replication_slots WHERE slot_name = '" + slot + "'")));
    }

    /** A new database {@code db} with the quickstart's sample schema and data ({@code quickstart/postgres/inventory.sql}). */
    static void createSampleDatabase(PostgresServer pg, String db) {
        pg.createDatabase(db);
        try {
            pg.executeIn(db, Files.readString(SAMPLE_SCHEMA));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SAMPLE_SCHEMA.toAbsolutePath(), e);
        }
    }
}
