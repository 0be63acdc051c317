package io.hermesconnect.transforms.mapping;

import io.hermesconnect.transforms.template.ConfiguredTemplate;
import java.util.List;

/**
 * One computed attribute of a {@link Mapping}: its template, its declared type (null when none was
 * declared) and whether it was declared secret.
 *
 * <p>A template that is a bare variable reference ({@code {{ age }}}, {@code {{ address.city }}}) is
 * not rendered: the value is read from the row, and without a declared type it keeps the field's schema.
 */
record Attribute(String name, ConfiguredTemplate template, AttributeType declaredType, boolean declaredSecret) {

    /** The referenced field path, or null when the template must be rendered. */
    List<String> reference() {
        return template.template().variableReference().map(path -> List.of(path.split("\\."))).orElse(null);
    }

    /** Who is computing it, for record error messages. */
    String who() {
        return "JinjaMapping attribute '" + name + "' (" + template.key() + ")";
    }
}
