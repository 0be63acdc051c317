package io.hermesconnect.source.diff.config;

/**
 * A type's attribute that holds the key of an object of another type ({@code types.<T>.foreign.keys.<attr>} =
 * {@code <Parent>.<attr>}). Published to sinks as the schema parameter {@code hermes.foreign.key.<attribute>}.
 *
 * @param attribute       the attribute of the declaring type
 * @param parentType      the type it refers to
 * @param parentAttribute the primary key attribute of that type
 */
public record ForeignKey(String attribute, String parentType, String parentAttribute) {

    /** The reference as written in the config and in the schema parameter: {@code <Parent>.<attr>}. */
    public String reference() {
        return parentType + "." + parentAttribute;
    }
}
