package io.hermesconnect.source.diff.merge;

import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectKey;
import java.util.Optional;

/** Looks up the last emitted state of one object of a type: what a merge falls back to when its sources disagree. */
@FunctionalInterface
public interface LastEmittedState {

    /** The state's form of the object (see {@code StateProjection}), or empty when it was never emitted or was deleted. */
    Optional<DataObject> find(ObjectKey key);
}
