package io.hermesconnect.source.diff.constraint;

import io.hermesconnect.source.diff.model.ObjectKey;
import io.hermesconnect.source.diff.model.PolledObject;
import java.util.Map;

/**
 * The poll's objects after the integrity constraints.
 *
 * @param objects  each type's objects that passed, by type name in declared order, then by key
 * @param filtered how many objects of each type were filtered out (never emitted), by type name
 * @param rounds   how many rounds it took to reach the fixed point (0 when no type has constraints)
 */
public record IntegrityResult(Map<String, Map<ObjectKey, PolledObject>> objects, Map<String, Integer> filtered,
                              int rounds) {
}
