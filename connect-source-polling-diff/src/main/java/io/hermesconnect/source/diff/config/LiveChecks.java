package io.hermesconnect.source.diff.config;

import io.hermesconnect.common.config.ConfigValidation;
import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.source.diff.fetch.SourceFetcher;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.connect.data.Schema;

/**
 * The checks of {@code validate()} that ask the sources: each source is opened once, under a time limit, and asked to
 * describe the query of every type that reads it (rendered with the types before it empty). What a source refuses is
 * reported on the key the user must change: an unreachable server on its URL, refused credentials on its password, a
 * rejected query on {@code query} (or {@code ldap.base} / {@code ldap.filter}), a column of an unsupported type on the
 * mapping that reads it. Then each type's mappings are checked against the described columns: an unknown column on
 * its {@code attrs.<attr>} key, one attribute given different types by two sources on both keys.
 */
public final class LiveChecks {

    private final FetcherFactory fetchers;
    private final Duration timeout;

    /**
     * @param fetchers opens a fetcher on a source
     * @param timeout  the longest one source may take to answer every check
     */
    public LiveChecks(FetcherFactory fetchers, Duration timeout) {
        this.fetchers = fetchers;
        this.timeout = timeout;
    }

    /** Runs the checks of a plan that parsed without problems, attaching each problem to its key in {@code config}. */
    public void run(PollPlan plan, Config config) {
        Map<String, Map<String, Map<String, Schema>>> describedByType = new LinkedHashMap<>();
        plan.types().forEach(type -> describedByType.put(type.name(), new LinkedHashMap<>()));
        for (SourceSettings source : plan.sources().values()) {
            Map<String, Map<String, Schema>> described = new ConcurrentHashMap<>();
            boolean finished = ConfigValidation.runLiveCheck(config, source.urlKey(), timeout,
                    problems -> describeAll(plan, source, described, problems));
            if (finished) {
                described.forEach((type, columns) -> describedByType.get(type).put(source.name(), columns));
            }
        }
        ConfigErrors errors = new ConfigErrors();
        for (TypePlan type : plan.types()) {
            type.attributeSchemas(describedByType.get(type.name()), errors);
        }
        errors.reportTo(config);
    }

    /**
     * Describes the query of every type that reads {@code source}, filling {@code described} by type name. A failure
     * of the connection or the credentials ends the check of the source; a refused query goes on with the next.
     */
    private void describeAll(PollPlan plan, SourceSettings source, Map<String, Map<String, Schema>> described,
                             ConfigValidation.Problems problems) {
        try (SourceFetcher fetcher = fetchers.open(source)) {
            for (TypePlan type : plan.types()) {
                for (TypeSourcePlan typeSource : type.sources()) {
                    if (!typeSource.source().equals(source.name())) {
                        continue;
                    }
                    try {
                        described.put(type.name(), fetcher.describe(typeSource.query().render(plan.emptyEarlierTypes(type.name()))));
                    } catch (FetchException e) {
                        if (isAboutTheSource(e)) {
                            throw e;
                        }
                        problems.add(keyOf(e, typeSource), e.getMessage());
                    }
                }
            }
        } catch (FetchException e) {
            problems.add(e.refused() == FetchException.Refused.CREDENTIALS ? source.passwordKey() : source.urlKey(), e.getMessage());
        }
    }

    private static boolean isAboutTheSource(FetchException e) {
        return e.refused() == FetchException.Refused.CONNECTION || e.refused() == FetchException.Refused.CREDENTIALS;
    }

    /** The key of what a source refused in one type's query. */
    private static String keyOf(FetchException e, TypeSourcePlan typeSource) {
        if (e.refused() == FetchException.Refused.COLUMN_TYPE && e.column() != null) {
            return typeSource.mapping().keyReading(e.column()).orElse(typeSource.query().keyOf(e.refused()));
        }
        return typeSource.query().keyOf(e.refused());
    }
}
