package io.hermesconnect.source.diff.constraint;

import java.util.Map;

/**
 * What the integrity constraints did; the objects that passed are what is left in the merged types' maps.
 *
 * @param filtered how many objects of each type were filtered out (never emitted), by type name
 * @param rounds   how many rounds it took to reach the fixed point (0 when no type has constraints)
 */
public record IntegrityResult(Map<String, Integer> filtered, int rounds) {
}
