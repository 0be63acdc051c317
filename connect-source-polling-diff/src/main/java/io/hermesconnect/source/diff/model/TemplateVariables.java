package io.hermesconnect.source.diff.model;

/**
 * The variables that merge and integrity constraints see: {@code _SELF} (the object being tested), {@code <Name>_pkeys}
 * (the keys of a type or source, a set whose {@code x in Users_pkeys} is one look-up) and {@code <Name>} (its
 * objects' attribute maps, a collection). Both are read-only views of the poll's spilled objects
 * ({@code spill.KeySetView}, {@code spill.AttributeMapsView}).
 */
public final class TemplateVariables {

    /** The variable holding the object under test. */
    public static final String SELF = "_SELF";

    private TemplateVariables() {
    }

    /** The name of the key set of a type or source: {@code Users_pkeys}. */
    public static String keysName(String name) {
        return name + "_pkeys";
    }
}
