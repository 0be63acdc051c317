package io.hermesconnect.bench.wal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two connectors compared, configured alike: same database, one task, their own slot and publication
 * (created by the harness, so autocreation is off), one table, no snapshot (the slot already holds the
 * workload). Everything else stays at each connector's defaults: this compares them as users get them.
 */
enum Peer {
    DEBEZIUM("debezium", "io.debezium.connector.postgresql.PostgresConnector", "no_data"),
    HERMES("hermes", "io.hermesconnect.source.wal.WalSourceConnector", "never");

    private final String id;
    private final String connectorClass;
    private final String noSnapshotMode;

    Peer(String id, String connectorClass, String noSnapshotMode) {
        this.id = id;
        this.connectorClass = connectorClass;
        this.noSnapshotMode = noSnapshotMode;
    }

    String id() {
        return id;
    }

    String connectorClass() {
        return connectorClass;
    }

    /** Topics are {@code <topic.prefix>.<schema>.<table>}, the prefix being the peer's id. */
    String topic(SlotTarget target) {
        return id + "." + target.qualifiedTable();
    }

    Map<String, String> config(BenchDatabase db, SlotTarget target) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", connectorClass);
        config.put("tasks.max", "1");
        config.put("database.hostname", db.host());
        config.put("database.port", Integer.toString(db.port()));
        config.put("database.user", db.user());
        config.put("database.password", db.password());
        config.put("database.dbname", BenchDatabase.DATABASE);
        config.put("topic.prefix", id);
        config.put("slot.name", target.slot());
        config.put("publication.name", target.publication());
        config.put("publication.autocreate.mode", "disabled");
        config.put("table.include.list", target.qualifiedTable());
        config.put("snapshot.mode", noSnapshotMode);
        if (this == DEBEZIUM) {
            config.put("plugin.name", "pgoutput");
        }
        return config;
    }
}
