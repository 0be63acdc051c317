package io.hermesconnect.source.diff.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A declared type of objects ({@code Users}, {@code GroupsMembers}): its name, its primary key (one attribute or a
 * tuple), the class of each attribute that is not {@link AttributeClass#NORMAL}, and its {@code to.string} template,
 * which names an object in logs and reports. Immutable.
 */
public final class ObjectType {

    private final String name;
    private final List<String> primaryKey;
    private final Map<String, AttributeClass> attributeClasses;
    private final NamedTemplate toStringTemplate;

    /**
     * @param name             the type's name, as in {@code types}
     * @param primaryKey       the key attributes, in order: one, or several for a tuple key
     * @param attributeClasses the class of each attribute that is not normal
     * @param toStringTemplate renders a readable name of an object from its attributes; null to name objects by key
     * @throws IllegalArgumentException when the key is empty or a key attribute is not a normal attribute
     */
    public ObjectType(String name, List<String> primaryKey, Map<String, AttributeClass> attributeClasses,
                      NamedTemplate toStringTemplate) {
        this.name = Objects.requireNonNull(name, "name");
        this.primaryKey = List.copyOf(primaryKey);
        this.attributeClasses = Map.copyOf(attributeClasses);
        this.toStringTemplate = toStringTemplate;
        if (this.primaryKey.isEmpty()) {
            throw new IllegalArgumentException("Type '" + name + "' needs at least one primary key attribute");
        }
        for (String attribute : this.primaryKey) {
            if (attributeClass(attribute) != AttributeClass.NORMAL) {
                throw new IllegalArgumentException("Type '" + name + "': the primary key attribute '" + attribute
                        + "' is sent and stored, so it cannot be " + attributeClass(attribute));
            }
        }
    }

    /** The type's name. */
    public String name() {
        return name;
    }

    /** The key attributes, in order. */
    public List<String> primaryKey() {
        return primaryKey;
    }

    /** The class of an attribute; attributes not declared otherwise are normal. */
    public AttributeClass attributeClass(String attribute) {
        return attributeClasses.getOrDefault(attribute, AttributeClass.NORMAL);
    }

    /** Whether at least one attribute of the type is of {@code attributeClass}. */
    public boolean declares(AttributeClass attributeClass) {
        return attributeClasses.containsValue(attributeClass);
    }

    /**
     * An object of this type read from a source, its key taken from its attributes.
     *
     * @param source     the source's name, for error messages
     * @param attributes the mapped attributes; values are normalized, absent ones left out
     * @throws PollAbortedException when a key attribute is absent or is a list or map
     */
    public DataObject object(String source, Map<String, ?> attributes) {
        List<Comparable<?>> components = new ArrayList<>(primaryKey.size());
        for (String attribute : primaryKey) {
            Object value = Values.normalize(attributes.get(attribute));
            if (!(value instanceof Comparable<?> component)) {
                throw new PollAbortedException("Type '" + name + "', source '" + source + "': an object "
                        + (value == null ? "lacks" : "has a list or map as") + " the primary key attribute '" + attribute
                        + "'; every object must have a single value there (" + ConfigKeys.attribute(name, source, attribute)
                        + ")", null);
            }
            components.add(component);
        }
        return new DataObject(new ObjectKey(components), attributes);
    }

    /** A key as templates see it in {@code <Type>_pkeys}: its value for a one-attribute key, the list of its values for a tuple. */
    public Object keyVariable(ObjectKey key) {
        return primaryKey.size() == 1 ? key.components().get(0) : key.components();
    }

    /**
     * The object's readable name: {@code to.string} rendered over its attributes, or the type and key when the type has
     * no such template. It may show values: for reports, never for error messages.
     *
     * @throws PollAbortedException when the template fails
     */
    public String describe(DataObject object) {
        if (toStringTemplate == null) {
            return name + object.key();
        }
        return String.valueOf(toStringTemplate.render(object.attributes(), "an object of type '" + name + "'"));
    }

    @Override
    public String toString() {
        return "ObjectType[" + name + "]";
    }
}
