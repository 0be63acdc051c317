package io.hermesconnect.common.jinja;

/**
 * Marks our filter that takes the place of Jinjava's filter of the same name, to fix what Jinjava's gets wrong
 * (code points, locale, exact numbers, bounds), with the same parameters in the same order: templates call it
 * as Jinjava's, and the compile-time check of keyword arguments ({@link TemplateLibrary}) reads Jinjava's.
 */
interface ReplacesJinjavaFilter {
}
