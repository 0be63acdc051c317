package io.hermesconnect.source.wal.config;

import io.hermesconnect.source.wal.WalSourceConfig;
import io.hermesconnect.source.wal.replication.PgCatalog;
import io.hermesconnect.source.wal.replication.PgConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks {@code validate()} runs against the live server, each problem reported on the key the user
 * must change: a wrong password on {@code database.password}, a missing REPLICATION attribute on
 * {@code database.user}, a server that is not set up for logical decoding on {@code database.hostname}.
 * Later checks run only when the earlier ones passed (no point checking privileges without a login).
 */
public final class LiveChecks {

    static final int MIN_SERVER_VERSION = 100_000;

    private final WalSourceConfig config;
    private final PgConnections connections;
    private final Map<String, List<String>> errors = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    public LiveChecks(WalSourceConfig config, PgConnections connections) {
        this.config = config;
        this.connections = connections;
    }

    /** Errors by config key; empty when every check passed. */
    public Map<String, List<String>> errors() {
        return errors;
    }

    /** Problems that do not stop the connector but that the user should know (logged, and shown by validate). */
    public List<String> warnings() {
        return warnings;
    }

    public LiveChecks run() {
        try (Connection c = connections.open()) {
            checkServer(c);
            if (errors.isEmpty()) {
                checkSlot(c);
                checkPublication(c);
                checkTables(c);
            }
        } catch (SQLException e) {
            reportConnectFailure(e);
        }
        return this;
    }

    private void checkServer(Connection c) throws SQLException {
        String server = config.hostname() + ":" + config.port();
        int version = PgCatalog.serverVersionNum(c);
        if (version < MIN_SERVER_VERSION) {
            error(WalSourceConfig.HOSTNAME, "The server at " + server + " runs PostgreSQL " + version
                    + "; logical replication with pgoutput needs PostgreSQL 10 or later");
        }
        String walLevel = PgCatalog.walLevel(c);
        if (!"logical".equals(walLevel)) {
            error(WalSourceConfig.HOSTNAME, "The server at " + server + " has wal_level=" + walLevel
                    + "; set wal_level=logical in postgresql.conf and restart the server");
        }
        if (!PgCatalog.canReplicate(c)) {
            error(WalSourceConfig.USER, "Role '" + config.user() + "' has no REPLICATION attribute: run ALTER ROLE "
                    + PgCatalog.quote(config.user()) + " WITH REPLICATION, or use a role that has it");
        }
    }

    private void checkSlot(Connection c) throws SQLException {
        Optional<PgCatalog.Slot> slot = PgCatalog.slot(c, config.slotName());
        if (slot.isEmpty()) {
            return;
        }
        if (!"pgoutput".equals(slot.get().plugin())) {
            error(WalSourceConfig.SLOT_NAME, "Slot '" + config.slotName() + "' exists with output plugin '"
                    + slot.get().plugin() + "'; this connector needs a pgoutput slot: choose another slot name");
        } else if (!config.dbname().equals(slot.get().database())) {
            error(WalSourceConfig.SLOT_NAME, "Slot '" + config.slotName() + "' belongs to database '" + slot.get().database()
                    + "', not '" + config.dbname() + "': choose another slot name");
        }
    }

    private void checkPublication(Connection c) throws SQLException {
        boolean exists = PgCatalog.publicationExists(c, config.publicationName());
        PublicationAutocreateMode mode = config.publicationAutocreateMode();
        if (!exists && mode == PublicationAutocreateMode.DISABLED) {
            error(WalSourceConfig.PUBLICATION_NAME, "Publication '" + config.publicationName()
                    + "' does not exist and " + WalSourceConfig.PUBLICATION_AUTOCREATE_MODE + " is disabled: create it, "
                    + "or let the connector create it");
        } else if (!exists && mode == PublicationAutocreateMode.ALL_TABLES && !PgCatalog.isSuperuser(c)) {
            error(WalSourceConfig.PUBLICATION_AUTOCREATE_MODE, "Creating publication '" + config.publicationName()
                    + "' FOR ALL TABLES needs a superuser, and role '" + config.user() + "' is not one: use 'filtered', "
                    + "or create the publication beforehand");
        }
    }

    private void checkTables(Connection c) throws SQLException {
        List<PgCatalog.TableInfo> tables = PgCatalog.tables(c);
        TableFilter filter = config.tableFilter();
        for (Pattern pattern : filter.tableIncludePatterns()) {
            if (tables.stream().noneMatch(t -> pattern.matcher(t.dataCollection()).matches())) {
                error(WalSourceConfig.TABLE_INCLUDE_LIST, "No table of database '" + config.dbname() + "' matches '"
                        + pattern.pattern() + "' (patterns match schema.table, e.g. public.orders)");
            }
        }
        for (PgCatalog.TableInfo table : tables) {
            if (filter.includeTable(table.schema(), table.table()) && !table.hasPrimaryKey() && table.replicaIdentity() == 'd') {
                warnings.add("Table " + table.dataCollection() + " has no primary key and REPLICA IDENTITY DEFAULT: "
                        + "PostgreSQL rejects its UPDATEs and DELETEs while it is published. Add a primary key or run "
                        + "ALTER TABLE " + table.dataCollection() + " REPLICA IDENTITY FULL");
            }
        }
    }

    private void reportConnectFailure(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String server = config.hostname() + ":" + config.port();
        switch (state) {
            case "28P01" -> error(WalSourceConfig.PASSWORD, "Password authentication failed for user '" + config.user()
                    + "' on " + server + ": check the password (and that the role exists)");
            case "28000" -> error(WalSourceConfig.USER, "The server at " + server + " refused user '" + config.user()
                    + "': " + e.getMessage());
            case "3D000" -> error(WalSourceConfig.DBNAME, "Database '" + config.dbname() + "' does not exist on " + server);
            default -> error(WalSourceConfig.HOSTNAME, "Cannot connect to PostgreSQL at " + server + ": " + e.getMessage());
        }
    }

    private void error(String key, String message) {
        errors.computeIfAbsent(key, k -> new ArrayList<>()).add(message);
    }
}
