package io.hermesconnect.sink.http.request;

import io.hermesconnect.common.config.EnumChoice;

/** The requests a kind of object can send, each configured by {@code kinds.<K>.<operation>.*}. */
public enum HttpOperation {
    /** An added object ({@code c}, {@code r}): make it equal to {@code after}. */
    CREATE,
    /** A modified object ({@code u}): make it equal to {@code after}. */
    UPDATE,
    /** A removed object ({@code d}, tombstone), or a trashed one purged. */
    DELETE,
    /** A removed object, with the trashbin on. */
    TRASH,
    /** An object added again while in the trash. */
    RECYCLE;

    /** The operation's spelling in config keys: {@code create}, {@code update}… */
    public String configName() {
        return EnumChoice.nameOf(this);
    }
}
