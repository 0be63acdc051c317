package io.hermesconnect.source.diff.poll;

import io.hermesconnect.source.diff.merge.LastEmittedState;
import io.hermesconnect.source.diff.merge.SourceObjects;
import io.hermesconnect.source.diff.merge.TypeMerger;
import java.util.List;

/**
 * What one type brings to a poll: how its sources merge, what they gave, and its last emitted state.
 *
 * @param merger      the type's merge
 * @param sources     the objects of each of its sources, in declared order
 * @param lastEmitted the type's last emitted state, which merge conflicts and duplicate keys fall back to
 */
public record TypePoll(TypeMerger merger, List<SourceObjects> sources, LastEmittedState lastEmitted) {

    /** Copies the list. */
    public TypePoll {
        sources = List.copyOf(sources);
    }
}
