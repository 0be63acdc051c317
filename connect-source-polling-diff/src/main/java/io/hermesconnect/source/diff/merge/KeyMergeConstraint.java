package io.hermesconnect.source.diff.merge;

/**
 * How a source's keys combine with the keys merged from the sources before it (the first source's constraint is
 * ignored). With the keys merged so far {1..6} and the source's keys {3..8}, the result is:
 * {@code noConstraint} {1..8}, {@code mustAlreadyExist} {1..6}, {@code mustExistInBoth} {3..6},
 * {@code mustNotExist} {1,2,7,8}. A key kept from both has its attributes merged. The names in code are the
 * polling server's.
 */
public enum KeyMergeConstraint {
    /** The union ({@code noConstraint}). */
    NO_CONSTRAINT,
    /** The source's keys not merged before are dropped ({@code mustAlreadyExist}). */
    MUST_ALREADY_EXIST,
    /** The intersection ({@code mustExistInBoth}). */
    MUST_EXIST_IN_BOTH,
    /**
     * Keys in both are removed from the result altogether ({@code mustNotExist}), as the polling server's code and
     * tests do (its prose says only the source's copy is discarded).
     */
    MUST_NOT_EXIST
}
