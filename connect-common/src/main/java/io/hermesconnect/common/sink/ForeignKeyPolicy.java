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
    /** Every event of a parent is parked. */
    ON_EVERY_EVENT;

    /** Whether an event with this operation, on a parent that a parked object needs, must be parked. */
    boolean parks(SinkOperation operation) {
        return switch (this) {
            case DISABLED -> false;
            case ON_REMOVE -> operation == SinkOperation.REMOVE;
            case ON_EVERY_EVENT -> true;
        };
    }
}
