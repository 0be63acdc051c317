package io.hermesconnect.source.diff.model;

/** What happens to an attribute of a type after a poll builds it: whether it is sent, stored in the state, diffed. */
public enum AttributeClass {
    /** Sent in events, stored in the state, diffed. */
    NORMAL,
    /** Sent in events and diffed, but stored only as a keyed hash: the state never holds the value. */
    SECRET,
    /** Stored in the state (templates of later polls may read it), never sent nor diffed. */
    CACHE_ONLY,
    /** Usable by the poll's templates only: never sent, stored nor diffed. */
    LOCAL
}
