package io.hermesconnect.source.diff.poll;

import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.source.diff.fetch.SourceFetcher;
import io.hermesconnect.source.diff.merge.LastEmittedState;
import io.hermesconnect.source.diff.merge.MergedType;
import io.hermesconnect.source.diff.merge.SourceObjects;
import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.PollAbortedException;
import io.hermesconnect.source.diff.model.PolledObject;
import io.hermesconnect.source.diff.model.TemplateVariables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.connect.errors.DataException;

/**
 * Steps 1 and 2 of a poll for every type in declared order: fetch each source (its query seeing the types merged
 * before it, as {@code <Type>} and {@code <Type>_pkeys}), map its rows, check each value against the type's schema,
 * and merge. All or nothing: the first failure throws and nothing of the poll is kept.
 */
public final class PollFetch {

    private final Map<String, SourceFetcher> fetchers;
    private final Function<String, LastEmittedState> lastEmitted;

    /**
     * @param fetchers    the open fetcher of each source, by source name
     * @param lastEmitted each type's last emitted state, by type name
     */
    public PollFetch(Map<String, SourceFetcher> fetchers, Function<String, LastEmittedState> lastEmitted) {
        this.fetchers = Map.copyOf(fetchers);
        this.lastEmitted = lastEmitted;
    }

    /**
     * Fetches and merges every type.
     *
     * @return each type's merged objects, in declared order
     * @throws FetchException        when a source fails: the poll emits nothing
     * @throws PollAbortedException  when a template or a mapped value fails: the poll emits nothing
     */
    public List<MergedType> run(List<TypeStep> types) throws FetchException {
        Map<String, Object> earlierTypes = new HashMap<>();
        List<MergedType> merged = new ArrayList<>(types.size());
        for (TypeStep type : types) {
            List<SourceObjects> sources = new ArrayList<>(type.sources().size());
            for (SourceStep source : type.sources()) {
                sources.add(new SourceObjects(source.source(), source.keyConstraint(), source.mergeConstraints(),
                        fetch(type, source, earlierTypes)));
            }
            MergedType result = type.merger().merge(sources, lastEmitted.apply(type.type().name()));
            merged.add(result);
            String name = type.type().name();
            earlierTypes.put(TemplateVariables.keysName(name), TemplateVariables.keySet(type.type(), result.objects().keySet()));
            earlierTypes.put(name, TemplateVariables.attributeMaps(
                    result.objects().values().stream().map(PolledObject::object).toList()));
        }
        return merged;
    }

    private List<DataObject> fetch(TypeStep type, SourceStep source, Map<String, Object> earlierTypes) throws FetchException {
        SourceFetcher fetcher = fetchers.get(source.source());
        List<DataObject> objects = new ArrayList<>();
        fetcher.fetch(source.query().apply(earlierTypes), row -> {
            DataObject object = type.type().object(source.source(), source.mapping().apply(row));
            try {
                type.schema().row(object);
            } catch (DataException e) {
                throw new PollAbortedException("Source '" + source.source() + "' gave " + object + ": " + e.getMessage(), e);
            }
            objects.add(object);
        });
        return objects;
    }
}
