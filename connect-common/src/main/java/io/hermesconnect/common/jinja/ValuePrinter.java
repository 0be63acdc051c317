package io.hermesconnect.common.jinja;

import com.hubspot.jinjava.objects.serialization.PyishObjectMapper;

/**
 * How a value prints in a template's output, on every path: Jinjava's ({@link RenderInterpreter#getAsString}),
 * the direct one and Jinjava's fast one ({@link Template}). Text prints as itself, control characters
 * included (a template's output is data, not a Python literal); none prints as nothing; numbers and booleans
 * as Java writes them ({@code 1.5}, {@code true}); lists and maps as Python literals ({@code ['a', 1]},
 * {@code {'k': 'v'}}), where strings are quoted and escaped. Dates and bytes reach templates as text already
 * ({@link TemplateValues}), so they print alike everywhere.
 */
final class ValuePrinter {

    private ValuePrinter() {
    }

    /** The value as output; within a render, Jinjava's printer of lists and maps stops at the output limit. */
    static String print(Object value) {
        return value instanceof String text ? text : PyishObjectMapper.getAsUnquotedPyishString(value);
    }
}
