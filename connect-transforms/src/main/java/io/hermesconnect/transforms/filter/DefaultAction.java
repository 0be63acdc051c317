package io.hermesconnect.transforms.filter;

/** What a {@link io.hermesconnect.transforms.Filter} does with a change event no rule decided. */
public enum DefaultAction {
    /** Keep it. */
    PROCESS,
    /** Drop it. */
    IGNORE
}
