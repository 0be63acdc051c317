package io.hermesconnect.source.diff.poll;

import io.hermesconnect.source.diff.config.InvalidSettingException;
import io.hermesconnect.source.diff.config.TypePlan;
import io.hermesconnect.source.diff.config.TypeSourcePlan;
import io.hermesconnect.source.diff.event.TypeSchema;
import io.hermesconnect.source.diff.fetch.FetchException;
import io.hermesconnect.source.diff.fetch.FetchQuery;
import io.hermesconnect.source.diff.fetch.SourceFetcher;
import io.hermesconnect.source.diff.merge.LastEmittedState;
import io.hermesconnect.source.diff.merge.MergedType;
import io.hermesconnect.source.diff.merge.SourceObjects;
import io.hermesconnect.source.diff.merge.TypeMerger;
import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.PollAbortedException;
import io.hermesconnect.source.diff.model.TemplateVariables;
import io.hermesconnect.source.diff.spill.AttributeMapsView;
import io.hermesconnect.source.diff.spill.KeySetView;
import io.hermesconnect.source.diff.spill.PollSpill;
import io.hermesconnect.source.diff.spill.SpilledKeys;
import io.hermesconnect.source.diff.spill.SpillWriter;
import io.hermesconnect.source.diff.spill.SpilledObjects;
import io.hermesconnect.source.diff.state.SecretHasher;
import io.hermesconnect.source.diff.state.StateProjection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;

/**
 * Steps 1 and 2 of a poll for every type in declared order: render each source's query (it sees the types merged
 * before, as {@code <Type>} and {@code <Type>_pkeys}), describe it (so a new column or a changed type shows in this
 * poll's schemas), fetch and map its rows, check each value against the type's schema, and merge. All or nothing: the
 * first failure throws and nothing of the poll is kept.
 */
public final class PollFetch {

    private final String topicPrefix;
    private final SecretHasher hasher;
    private final Map<String, SourceFetcher> fetchers;
    private final Function<String, LastEmittedState> lastEmitted;
    private final PollSpill spill;

    /**
     * @param topicPrefix the connector's topic prefix, for the schemas' names
     * @param hasher      hashes secrets into the state's form of objects
     * @param fetchers    the open fetcher of each source, by source name
     * @param lastEmitted each type's last emitted state, by type name
     * @param spill       where the rows and the merged objects go, as they come
     */
    public PollFetch(String topicPrefix, SecretHasher hasher, Map<String, SourceFetcher> fetchers,
                     Function<String, LastEmittedState> lastEmitted, PollSpill spill) {
        this.topicPrefix = topicPrefix;
        this.hasher = hasher;
        this.fetchers = Map.copyOf(fetchers);
        this.lastEmitted = lastEmitted;
        this.spill = spill;
    }

    /** What fetching gave: each type's merged objects and its events' schemas, in declared order. */
    public record Result(List<MergedType> merged, Map<String, TypeSchema> schemas) {
    }

    /**
     * Fetches and merges every type.
     *
     * @throws FetchException       when a source fails: the poll emits nothing
     * @throws PollAbortedException when a template, a mapping or a mapped value fails: the poll emits nothing
     */
    public Result run(List<TypePlan> types) throws FetchException {
        Map<String, Object> earlierTypes = new HashMap<>();
        List<MergedType> merged = new ArrayList<>(types.size());
        Map<String, TypeSchema> schemas = new LinkedHashMap<>();
        for (TypePlan type : types) {
            Map<String, FetchQuery> queries = new LinkedHashMap<>();
            Map<String, Map<String, Schema>> described = new LinkedHashMap<>();
            for (TypeSourcePlan source : type.sources()) {
                FetchQuery query = source.query().render(earlierTypes);
                queries.put(source.source(), query);
                described.put(source.source(), fetchers.get(source.source()).describe(query));
            }
            TypeSchema schema = typeSchema(type, described);
            schemas.put(type.name(), schema);
            List<SourceObjects> sources = new ArrayList<>(type.sources().size());
            for (TypeSourcePlan source : type.sources()) {
                sources.add(fetch(schema, source, queries.get(source.source())));
            }
            StateProjection projection = new StateProjection(type.type(), hasher);
            MergedType result = new TypeMerger(projection, type.conflictPolicy())
                    .merge(sources, lastEmitted.apply(type.name()), spill);
            merged.add(result);
            earlierTypes.put(TemplateVariables.keysName(type.name()), new KeySetView(type.type(), result.objects()));
            earlierTypes.put(type.name(), new AttributeMapsView(result.objects()));
        }
        return new Result(merged, schemas);
    }

    private TypeSchema typeSchema(TypePlan type, Map<String, Map<String, Schema>> described) {
        Map<String, Schema> attributes;
        try {
            attributes = type.attributeSchemas(described);
        } catch (InvalidSettingException e) {
            throw new PollAbortedException("Type '" + type.name() + "': " + e.getMessage(), e);
        }
        return new TypeSchema(topicPrefix, type.type(), type.sources().stream().map(TypeSourcePlan::source).toList(),
                attributes, type.foreignKeyReferences());
    }

    /**
     * The source's rows, spilled as they come by a thread of its own while this one reads and maps the next rows; a key
     * given twice is noted, its first row kept.
     */
    private SourceObjects fetch(TypeSchema schema, TypeSourcePlan source, FetchQuery query) throws FetchException {
        SpilledObjects objects = spill.newObjects();
        SpilledKeys duplicated = spill.newKeys();
        try (SpillWriter writer = new SpillWriter(schema.type().name(), source.source(), objects, duplicated)) {
            fetchers.get(source.source()).fetch(query, row -> writer.add(object(schema, source, row)));
            writer.finish();
        }
        return new SourceObjects(source.source(), source.keyMergeConstraint(), source.mergeConstraints(), objects,
                duplicated);
    }

    /** A row as the type's object, its values checked against the type's schema. */
    private static DataObject object(TypeSchema schema, TypeSourcePlan source, Map<String, Object> row) {
        DataObject object = schema.type().object(source.source(), source.mapping().map(row));
        try {
            schema.check(object);
        } catch (DataException e) {
            throw new PollAbortedException("Source '" + source.source() + "' gave " + object + ": " + e.getMessage(), e);
        }
        return object;
    }
}
