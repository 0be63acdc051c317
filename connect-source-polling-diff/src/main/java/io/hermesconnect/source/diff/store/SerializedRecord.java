package io.hermesconnect.source.diff.store;

/**
 * A {@link StateRecord} as the state topic holds it.
 *
 * @param key   the record's key: the type's name and the object's key
 * @param value the object's attributes, or null (a tombstone) when it was removed
 */
record SerializedRecord(byte[] key, byte[] value) {
}
