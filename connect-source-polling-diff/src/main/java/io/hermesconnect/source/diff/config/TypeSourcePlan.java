package io.hermesconnect.source.diff.config;

import io.hermesconnect.source.diff.merge.KeyMergeConstraint;
import io.hermesconnect.source.diff.model.NamedTemplate;
import java.util.List;

/**
 * How one type reads one source ({@code types.<T>.sources.<S>.*}).
 *
 * @param source             the source's name
 * @param query              the query or search, templates over earlier types
 * @param mapping            the source's columns to the type's attributes
 * @param keyMergeConstraint how its keys combine with those of the sources before it (ignored for the first source)
 * @param mergeConstraints   boolean templates an object must satisfy to be merged (none, or the one configured)
 * @param commitOne          SQL run on the source for each emitted object of the type once Kafka acknowledged it, the
 *                           object's attributes as variables; or null
 * @param commitAll          SQL run on the source once per poll after all its events were acknowledged, or null
 */
public record TypeSourcePlan(String source, SourceQuery query, AttributeMapping mapping, KeyMergeConstraint keyMergeConstraint,
                             List<NamedTemplate> mergeConstraints, NamedTemplate commitOne, NamedTemplate commitAll) {

    /** Copies the list. */
    public TypeSourcePlan {
        mergeConstraints = List.copyOf(mergeConstraints);
    }
}
