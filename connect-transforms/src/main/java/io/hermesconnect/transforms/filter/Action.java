package io.hermesconnect.transforms.filter;

/** What a filter rule does with a record it matches. */
public enum Action {
    /** Drop the record; later rules are not evaluated. */
    IGNORE,
    /** Keep the record; later rules are not evaluated. */
    PROCESS,
    /** No decision: evaluate the next rule. */
    CONTINUE
}
