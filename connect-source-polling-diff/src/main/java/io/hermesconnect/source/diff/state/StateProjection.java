package io.hermesconnect.source.diff.state;

import io.hermesconnect.source.diff.model.AttributeClass;
import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.ObjectType;
import java.util.Objects;

/**
 * The state's form of the objects of one type, and what the diff compares in it. The state holds normal and cache-only
 * attributes as they are, secrets as their {@link SecretDigest}, and no local attribute. Two forms differ for the
 * diff when a sent attribute (normal or secret) differs: cache-only attributes are stored, never diffed.
 */
public final class StateProjection {

    private final ObjectType type;
    private final SecretHasher hasher;

    /** The projection of {@code type}'s objects, hashing secrets with {@code hasher}. */
    public StateProjection(ObjectType type, SecretHasher hasher) {
        this.type = Objects.requireNonNull(type, "type");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    /** The type projected. */
    public ObjectType type() {
        return type;
    }

    /**
     * Whether the state stores every polled object as it is: the type has no secret nor local attribute. Then a polled
     * object encoded as its stored state is unchanged, and the diff need not decode either.
     */
    public boolean storesPolledObjectsAsIs() {
        return !type.declares(AttributeClass.SECRET) && !type.declares(AttributeClass.LOCAL);
    }

    /** What the state stores for a polled object: the object itself when it has no secret nor local attribute. */
    public DataObject toState(DataObject polled) {
        if (isStoredAsIs(polled)) {
            return polled;
        }
        return polled.mapAttributes((name, value) -> switch (type.attributeClass(name)) {
            case NORMAL, CACHE_ONLY -> value;
            case SECRET -> hasher.digest(value);
            case LOCAL -> null;
        });
    }

    private boolean isStoredAsIs(DataObject polled) {
        for (String name : polled.attributes().keySet()) {
            AttributeClass attributeClass = type.attributeClass(name);
            if (attributeClass == AttributeClass.SECRET || attributeClass == AttributeClass.LOCAL) {
                return false;
            }
        }
        return true;
    }

    /** What templates see of a stored object: its attributes without the secrets' hashes. */
    public DataObject forTemplates(DataObject stored) {
        return stored.mapAttributes((name, value) -> value instanceof SecretDigest ? null : value);
    }

    /** Whether two state forms of one key differ in a sent attribute, so that an update must be emitted. */
    public boolean sentAttributesDiffer(DataObject stored, DataObject fresh) {
        for (var attribute : stored.attributes().entrySet()) {
            if (isSent(attribute.getKey()) && !attribute.getValue().equals(fresh.get(attribute.getKey()))) {
                return true;
            }
        }
        for (String name : fresh.attributes().keySet()) {
            if (isSent(name) && stored.get(name) == null) {
                return true;
            }
        }
        return false;
    }

    private boolean isSent(String attribute) {
        return type.attributeClass(attribute) != AttributeClass.CACHE_ONLY;
    }
}
