package io.hermesconnect.source.diff.model;

/** The config keys that error messages name (DESIGN.md section 5), built in one place. */
public final class ConfigKeys {

    private ConfigKeys() {
    }

    /** Where a source maps an attribute of a type: {@code types.<T>.sources.<S>.attrs.<attr>}. */
    public static String attribute(String type, String source, String attribute) {
        return "types." + type + ".sources." + source + ".attrs." + attribute;
    }
}
