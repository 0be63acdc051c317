package io.hermesconnect.source.wal.config;

import io.hermesconnect.common.config.ConfigValidation;
import io.hermesconnect.common.config.ConfigValidation.Problems;
import io.hermesconnect.source.wal.WalSourceConfig;
import io.hermesconnect.source.wal.replication.PgCatalog;
import io.hermesconnect.source.wal.replication.PgConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks {@code validate()} runs against the live server, each problem reported on the key the user
 * must change: a wrong password on {@code database.password}, a missing REPLICATION attribute on
 * {@code database.user}, a server that is not set up for logical decoding on {@code database.hostname}.
 * Later checks run only when the server ones passed (no point checking privileges without a login).
 * Problems that do not stop the connector (a table PostgreSQL will not replicate updates of) are logged.
 */
public final class LiveChecks implements ConfigValidation.LiveCheck {

    private static final Logger LOG = LoggerFactory.getLogger(LiveChecks.class);
    static final int MIN_SERVER_VERSION = 100_000;

    private final WalSourceConfig config;
    private final PgConnections connections;

    public LiveChecks(WalSourceConfig config, PgConnections connections) {
        this.config = config;
        this.connections = connections;
    }

    @Override
    public void run(Problems problems) {
        try (Connection c = connections.open()) {
            if (serverIsReady(c, problems)) {
                checkSlot(c, problems);
                checkPublication(c, problems);
                checkTables(c, problems);
            }
        } catch (SQLException e) {
            reportConnectFailure(e, problems);
        }
    }

    /** Whether the server runs logical decoding for a role allowed to use it; reports what is missing. */
    private boolean serverIsReady(Connection c, Problems problems) throws SQLException {
        String server = config.hostname() + ":" + config.port();
        boolean ready = true;
        int version = PgCatalog.serverVersionNum(c);
        if (version < MIN_SERVER_VERSION) {
            ready = false;
            problems.add(WalSourceConfig.HOSTNAME, "The server at " + server + " runs PostgreSQL " + version
                    + "; logical replication with pgoutput needs PostgreSQL 10 or later");
        }
        String walLevel = PgCatalog.walLevel(c);
        if (!"logical".equals(walLevel)) {
            ready = false;
            problems.add(WalSourceConfig.HOSTNAME, "The server at " + server + " has wal_level=" + walLevel
                    + "; set wal_level=logical in postgresql.conf and restart the server");
        }
        if (!PgCatalog.canReplicate(c)) {
            ready = false;
            problems.add(WalSourceConfig.USER, "Role '" + config.user() + "' has no REPLICATION attribute: run ALTER ROLE "
                    + PgCatalog.quote(config.user()) + " WITH REPLICATION, or use a role that has it");
        }
        return ready;
    }

    private void checkSlot(Connection c, Problems problems) throws SQLException {
        Optional<PgCatalog.Slot> slot = PgCatalog.slot(c, config.slotName());
        if (slot.isEmpty()) {
            return;
        }
        if (!"pgoutput".equals(slot.get().plugin())) {
            problems.add(WalSourceConfig.SLOT_NAME, "Slot '" + config.slotName() + "' exists with output plugin '"
                    + slot.get().plugin() + "'; this connector needs a pgoutput slot: choose another slot name");
        } else if (!config.dbname().equals(slot.get().database())) {
            problems.add(WalSourceConfig.SLOT_NAME, "Slot '" + config.slotName() + "' belongs to database '" + slot.get().database()
                    + "', not '" + config.dbname() + "': choose another slot name");
        }
    }

    private void checkPublication(Connection c, Problems problems) throws SQLException {
        boolean exists = PgCatalog.publicationExists(c, config.publicationName());
        PublicationAutocreateMode mode = config.publicationAutocreateMode();
        if (!exists && mode == PublicationAutocreateMode.DISABLED) {
            problems.add(WalSourceConfig.PUBLICATION_NAME, "Publication '" + config.publicationName()
                    + "' does not exist and " + WalSourceConfig.PUBLICATION_AUTOCREATE_MODE + " is disabled: create it, "
                    + "or let the connector create it");
        } else if (!exists && mode == PublicationAutocreateMode.ALL_TABLES && !PgCatalog.isSuperuser(c)) {
            problems.add(WalSourceConfig.PUBLICATION_AUTOCREATE_MODE, "Creating publication '" + config.publicationName()
                    + "' FOR ALL TABLES needs a superuser, and role '" + config.user() + "' is not one: use 'filtered', "
                    + "or create the publication beforehand");
        }
    }

    private void checkTables(Connection c, Problems problems) throws SQLException {
        List<PgCatalog.TableInfo> tables = PgCatalog.tables(c);
        TableFilter filter = config.tableFilter();
        for (Pattern pattern : filter.tableIncludePatterns()) {
            if (tables.stream().noneMatch(t -> pattern.matcher(t.dataCollection()).matches())) {
                problems.add(WalSourceConfig.TABLE_INCLUDE_LIST, "No table of database '" + config.dbname() + "' matches '"
                        + pattern.pattern() + "' (patterns match schema.table, e.g. public.orders)");
            }
        }
        for (PgCatalog.TableInfo table : tables) {
            if (filter.includeTable(table.schema(), table.table()) && !table.hasPrimaryKey() && table.replicaIdentity() == 'd') {
                LOG.warn("Connector {}: table {} has no primary key and REPLICA IDENTITY DEFAULT: "
                        + "PostgreSQL rejects its UPDATEs and DELETEs while it is published. Add a primary key or run "
                        + "ALTER TABLE {} REPLICA IDENTITY FULL", config.topicPrefix(), table.dataCollection(), table.dataCollection());
            }
        }
    }

    private void reportConnectFailure(SQLException e, Problems problems) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String server = config.hostname() + ":" + config.port();
        switch (state) {
            case "28P01" -> problems.add(WalSourceConfig.PASSWORD, "Password authentication failed for user '" + config.user()
                    + "' on " + server + ": check the password (and that the role exists)");
            case "28000" -> problems.add(WalSourceConfig.USER, "The server at " + server + " refused user '" + config.user()
                    + "': " + e.getMessage());
            case "3D000" -> problems.add(WalSourceConfig.DBNAME, "Database '" + config.dbname() + "' does not exist on " + server);
            default -> problems.add(WalSourceConfig.HOSTNAME, "Cannot connect to PostgreSQL at " + server + ": " + e.getMessage());
        }
    }
}
