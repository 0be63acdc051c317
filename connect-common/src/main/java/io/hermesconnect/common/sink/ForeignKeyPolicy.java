package io.hermesconnect.common.sink;

/**
 * Which events of a parked object's parents are parked too ({@code foreign.keys.policy}). The parents of an
 * object are the objects its foreign keys ({@code hermes.foreign.key.<field>} schema parameters) point to.
 */
public enum ForeignKeyPolicy {
    /** Parents flow freely. */
    DISABLED,
    /** A removal of a parent is parked, so that nothing a parked child needs is deleted (the default). */
    ON_REMOVE,
    /**
     * Every event of a parent is parked, but an add: a child can only be waiting for its parent to exist, so
     * holding the parent's add back would hold both forever.
     */
    ON_EVERY_EVENT;

    /**
     * Whether an event with this operation, on a parent that a parked object needs, must be parked, and a parked
     * one must wait for as long as it is needed.
     */
    boolean parks(SinkOperation operation) {
        return switch (this) {
            case DISABLED -> false;
            case ON_REMOVE -> operation == SinkOperation.REMOVE;
            case ON_EVERY_EVENT -> operation != SinkOperation.ADD;
        };
    }
}
