package io.hermesconnect.source.diff.poll;

import io.hermesconnect.source.diff.event.TypeSchema;
import io.hermesconnect.source.diff.merge.TypeMerger;
import io.hermesconnect.source.diff.model.ObjectType;
import java.util.List;
import java.util.Objects;

/**
 * What a poll does for one type: fetch each of its sources, merge them.
 *
 * @param type    the type
 * @param schema  its events' schemas; mapped values are checked against them before the merge
 * @param merger  how its sources merge
 * @param sources its sources, in declared order
 */
public record TypeStep(ObjectType type, TypeSchema schema, TypeMerger merger, List<SourceStep> sources) {

    /** Checks and copies. */
    public TypeStep {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(merger, "merger");
        sources = List.copyOf(sources);
    }
}
