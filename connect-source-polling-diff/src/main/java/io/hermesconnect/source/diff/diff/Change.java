package io.hermesconnect.source.diff.diff;

import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectKey;
import io.hermesconnect.source.diff.model.ObjectType;

/**
 * One key whose object changed since the last emitted state.
 *
 * @param type   the object's type
 * @param kind   what changed
 * @param key    the object's key
 * @param before the last emitted state (secrets as hashes), null when added
 * @param after  the polled object with every attribute (secrets in clear, local ones too: the event keeps the sent
 *               ones), null when removed
 * @param state  what the state must hold for the key once the poll's events are acknowledged, null when removed
 */
public record Change(ObjectType type, ChangeKind kind, ObjectKey key, DataObject before, DataObject after,
                     DataObject state) {

    /** Whether the change is an event (everything but {@link ChangeKind#STATE_ONLY}). */
    public boolean isEvent() {
        return kind != ChangeKind.STATE_ONLY;
    }
}
