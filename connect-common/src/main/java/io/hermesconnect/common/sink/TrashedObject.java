package io.hermesconnect.common.sink;

import java.time.Instant;
import java.util.Objects;

/**
 * An object lying in a target's trash.
 *
 * @param object the object
 * @param trashedAt when it was trashed
 * @param location where the target keeps it (an entry's DN, a URL), for the target's own use and for operators
 */
public record TrashedObject(ObjectKey object, Instant trashedAt, String location) {

    public TrashedObject {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(trashedAt, "trashedAt");
        Objects.requireNonNull(location, "location");
    }
}
