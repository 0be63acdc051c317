package io.hermesconnect.source.diff.poll;

import io.hermesconnect.source.diff.SourceFetchers;
import io.hermesconnect.source.diff.config.JdbcSourceSettings;
import io.hermesconnect.source.diff.config.PollPlan;
import io.hermesconnect.source.diff.config.SourceSettings;
import io.hermesconnect.source.diff.config.TypePlan;
import io.hermesconnect.source.diff.config.TypeSourcePlan;
import io.hermesconnect.source.diff.diff.Change;
import io.hermesconnect.source.diff.diff.ChangeKind;
import io.hermesconnect.source.diff.fetch.jdbc.JdbcWriteBack;
import io.hermesconnect.source.diff.fetch.jdbc.WriteBackException;
import io.hermesconnect.source.diff.fetch.jdbc.WriteBackStatement;
import io.hermesconnect.source.diff.model.NamedTemplate;
import io.hermesconnect.source.diff.model.PollAbortedException;
import io.hermesconnect.source.diff.report.PollingDiffMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write-back statements of one poll (HERMES.md's {@code commit_one} and {@code commit_all}): {@code commit.one} is
 * rendered for each created or updated object of its type as the object is handed over, {@code commit.all} once per
 * type that had events; all of a source's statements run after every event of the poll was acknowledged, in one
 * transaction. A statement that fails is reported, and the poll's events are not emitted again for it.
 */
final class WriteBack {

    private static final Logger LOG = LoggerFactory.getLogger(WriteBack.class);

    private final Map<String, List<TypeSourcePlan>> writingSources = new LinkedHashMap<>();
    private final Map<String, List<WriteBackStatement>> statements = new LinkedHashMap<>();
    private final Set<String> typesWithEvents = new LinkedHashSet<>();
    private final List<String> problems = new ArrayList<>();

    WriteBack(PollPlan plan) {
        for (TypePlan type : plan.types()) {
            List<TypeSourcePlan> writing = type.sources().stream()
                    .filter(source -> source.commitOne() != null || source.commitAll() != null).toList();
            if (!writing.isEmpty()) {
                writingSources.put(type.name(), writing);
            }
        }
    }

    /** Notes a change as it is handed over. */
    void collect(Change change) {
        List<TypeSourcePlan> writing = writingSources.get(change.type().name());
        if (writing == null || !change.isEvent()) {
            return;
        }
        typesWithEvents.add(change.type().name());
        if (change.kind() == ChangeKind.REMOVED) {
            return;
        }
        for (TypeSourcePlan source : writing) {
            if (source.commitOne() != null) {
                render(source.source(), source.commitOne(), change.after().attributes(), "object " + change.key());
            }
        }
    }

    /** Each source's statements, in order: its objects' {@code commit.one}, then each type's {@code commit.all}. */
    private Map<String, List<WriteBackStatement>> statements() {
        for (String type : typesWithEvents) {
            for (TypeSourcePlan source : writingSources.get(type)) {
                if (source.commitAll() != null) {
                    render(source.source(), source.commitAll(), Map.of(), "type '" + type + "'");
                }
            }
        }
        return statements;
    }

    /**
     * Runs each JDBC source's statements in one transaction. A failure is logged with the statement's key and counted;
     * the poll's events stay emitted.
     */
    void run(PollPlan plan, PollingDiffMetrics metrics) {
        for (String problem : problems) {
            LOG.error("Write-back left out: {}", problem);
            metrics.writeBackFailed();
        }
        statements().forEach((source, sourceStatements) -> {
            SourceSettings settings = plan.sources().get(source);
            if (!(settings instanceof JdbcSourceSettings jdbc)) {
                return; // validation refuses write-back on other kinds
            }
            try {
                new JdbcWriteBack(SourceFetchers.jdbc(jdbc)).run(sourceStatements);
                LOG.info("Write-back on source '{}': {} statements committed", source, sourceStatements.size());
            } catch (WriteBackException e) {
                LOG.error("Write-back on source '{}' failed and was rolled back ({} statements): {}", source,
                        sourceStatements.size(), e.getMessage());
                metrics.writeBackFailed();
            }
        });
    }

    private void render(String source, NamedTemplate template, Map<String, ?> variables, String where) {
        try {
            String sql = String.valueOf(template.render(variables, where));
            statements.computeIfAbsent(source, s -> new ArrayList<>()).add(new WriteBackStatement(template.configKey(), sql));
        } catch (PollAbortedException e) {
            problems.add(e.getMessage());
        }
    }
}
