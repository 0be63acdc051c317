package io.hermesconnect.source.diff;

import io.hermesconnect.common.jinja.JinjaEngine;
import io.hermesconnect.source.diff.model.AttributeClass;
import io.hermesconnect.source.diff.model.DataObject;
import io.hermesconnect.source.diff.model.NamedTemplate;
import io.hermesconnect.source.diff.model.ObjectType;
import io.hermesconnect.source.diff.state.SecretHasher;
import io.hermesconnect.source.diff.state.StateProjection;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Types, objects and templates for the poll's unit tests. */
public final class TestData {

    /** The key the tests hash secrets with. */
    public static final SecretHasher HASHER = new SecretHasher("test-hmac-key".getBytes(StandardCharsets.UTF_8));

    private TestData() {
    }

    /** A type of normal attributes, named by key. */
    public static ObjectType type(String name, String... primaryKey) {
        return new ObjectType(name, Arrays.asList(primaryKey), Map.of(), null);
    }

    /** A type with attribute classes and a {@code to.string} template (null for none). */
    public static ObjectType type(String name, List<String> primaryKey, Map<String, AttributeClass> classes, String toString) {
        return new ObjectType(name, primaryKey, classes, toString == null ? null : template("types." + name + ".to.string", toString));
    }

    /** Attributes from name, value pairs; values may be null. */
    public static Map<String, Object> attributes(Object... namesAndValues) {
        Map<String, Object> attributes = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            attributes.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return attributes;
    }

    /** An object of {@code type} from name, value pairs, as source {@code test} would give it. */
    public static DataObject object(ObjectType type, Object... namesAndValues) {
        return type.object("test", attributes(namesAndValues));
    }

    /** A compiled template named by its config key. */
    public static NamedTemplate template(String configKey, String source) {
        return new NamedTemplate(configKey, JinjaEngine.shared().compile(source));
    }

    /** The state's form of {@code type}'s objects, with the tests' key. */
    public static StateProjection projection(ObjectType type) {
        return new StateProjection(type, HASHER);
    }
}
