package io.hermesconnect.source.wal.replication;

import io.hermesconnect.source.wal.config.PublicationAutocreateMode;
import io.hermesconnect.source.wal.config.TableFilter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes the publication exist in the shape {@code publication.autocreate.mode} asks for. */
public final class PublicationManager {

    private static final Logger LOG = LoggerFactory.getLogger(PublicationManager.class);

    private PublicationManager() {
    }

    /** Creates or updates the publication; returns the captured tables it publishes. */
    public static List<PgCatalog.TableId> ensure(Connection c, String publication, PublicationAutocreateMode mode, TableFilter filter)
            throws SQLException {
        boolean exists = PgCatalog.publicationExists(c, publication);
        String name = PgCatalog.quote(publication);
        switch (mode) {
            case DISABLED -> {
                if (!exists) {
                    throw new ConnectException("Publication '" + publication + "' does not exist and publication.autocreate.mode "
                            + "is disabled: create it (CREATE PUBLICATION " + name + " FOR TABLE ...)");
                }
            }
            case ALL_TABLES -> {
                if (!exists) {
                    execute(c, "CREATE PUBLICATION " + name + " FOR ALL TABLES");
                    LOG.info("Created publication '{}' for all tables", publication);
                }
            }
            case FILTERED -> {
                List<String> tables = PgCatalog.tables(c).stream()
                        .filter(t -> filter.includeTable(t.schema(), t.table()))
                        .map(t -> PgCatalog.quote(t.schema()) + "." + PgCatalog.quote(t.table()))
                        .toList();
                if (tables.isEmpty()) {
                    throw new ConnectException("No table matches the include/exclude lists: nothing to publish in '" + publication + "'");
                }
                String list = String.join(", ", tables);
                execute(c, (exists ? "ALTER PUBLICATION " + name + " SET TABLE " : "CREATE PUBLICATION " + name + " FOR TABLE ") + list);
                LOG.info("Publication '{}' publishes {}", publication, list);
            }
            default -> throw new IllegalStateException("unknown mode " + mode);
        }
        return PgCatalog.publicationTables(c, publication).stream()
                .filter(t -> filter.includeTable(t.schema(), t.table()))
                .toList();
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
