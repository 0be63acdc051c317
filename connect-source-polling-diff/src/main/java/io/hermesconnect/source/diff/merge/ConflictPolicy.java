package io.hermesconnect.source.diff.merge;

/** What a type's merge does when two sources give one attribute of an object different values. */
public enum ConflictPolicy {
    /** The object keeps its last emitted state until the data is fixed, or is left out if it was never emitted. */
    USE_CACHED_ENTRY("use_cached_entry"),
    /** The value of the source declared first wins. */
    KEEP_FIRST_VALUE("keep_first_value");

    private final String configValue;

    ConflictPolicy(String configValue) {
        this.configValue = configValue;
    }

    /** The policy's name in the config. */
    public String configValue() {
        return configValue;
    }
}
