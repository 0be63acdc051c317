package io.hermesconnect.source.diff.poll;

import io.hermesconnect.source.diff.fetch.FetchQuery;
import io.hermesconnect.source.diff.merge.KeyMergeConstraint;
import io.hermesconnect.source.diff.model.NamedTemplate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a poll does with one source of one type.
 *
 * @param source           the source's name, as in {@code sources}
 * @param query            the query, given the variables of the types declared before (a template renders them)
 * @param mapping          a row's columns to the type's attributes
 * @param keyConstraint    how its keys combine with the sources before it
 * @param mergeConstraints its merge constraints
 */
public record SourceStep(String source, Function<Map<String, Object>, FetchQuery> query,
                         Function<Map<String, Object>, Map<String, Object>> mapping, KeyMergeConstraint keyConstraint,
                         List<NamedTemplate> mergeConstraints) {

    /** Checks and copies. */
    public SourceStep {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(keyConstraint, "keyConstraint");
        mergeConstraints = List.copyOf(mergeConstraints);
    }
}
